using System.Net;
using System.Security.Cryptography;
using ChaosFeatures.Control.Api;
using ChaosFeatures.Control.Json;
using ChaosFeatures.Control.Model;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.EvilPeer.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChaosFeatures.Control;

/// <summary>
/// A Toxiproxy-compatible HTTP API over EvilPeer toxic proxies: Toxiproxy's clients and CLI drive
/// it unchanged. Start it, point a client at <see cref="Url"/>, dispose it to close every proxy,
/// connection and pump.
/// </summary>
public sealed class ControlServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ProxyRegistry _registry;
    private readonly ControlLoop _loop;
    private int _disposed;

    private ControlServer(WebApplication app, ProxyRegistry registry, ControlLoop loop, IPEndPoint endpoint, ulong seed)
    {
        _app = app;
        _registry = registry;
        _loop = loop;
        Endpoint = endpoint;
        Seed = seed;
    }

    /// <summary>Where the API listens (the real port when the options asked for 0).</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary><c>http://host:port</c>, what Toxiproxy clients take.</summary>
    public Uri Url => new($"http://{Endpoint}");

    /// <summary>The seed every toxicity draw derives from: pass it back as <see cref="ControlServerOptions.Seed"/> to replay them.</summary>
    public ulong Seed { get; }

    /// <summary>The running EvilPeer proxy behind an API proxy, or null (unknown, or never enabled).</summary>
    public ToxicProxy? FindProxy(string name) =>
        _registry.Read(proxies => proxies.TryGetValue(name, out ApiProxy? proxy) ? proxy.Running : null);

    /// <exception cref="OptionsValidationException">Bad options, or a config file that is not a valid populate body.</exception>
    /// <exception cref="IOException">The API address cannot be bound.</exception>
    public static async Task<ControlServer> StartAsync(ControlServerOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        IPAddress address = ResolveHost(options.Host);
        ulong seed = options.Seed ?? BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        options.Events?.Emit(new PeerEvent(System.Diagnostics.Stopwatch.GetTimestamp(), "control", PeerEventNames.Seed, 0, [new("seed", (long)seed)]));
        var registry = new ProxyRegistry(new ProxyDefaults(seed, options.Events, options.ByteEvents, options.TimeProvider));
        var loop = new ControlLoop();
        try
        {
            if (options.ConfigFile is not null) Populate(registry, options.ConfigFile);
            WebApplication app = Build(address, options.Port, registry, new RequestIds(options.TimeProvider), loop);
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw new IOException($"cannot listen on {address}:{options.Port}: {e.Message}", e);
            }
            string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var uri = new Uri(bound);
            return new ControlServer(app, registry, loop, new IPEndPoint(address, uri.Port), seed);
        }
        catch
        {
            loop.Dispose();
            await registry.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _loop.Dispose();
        await _registry.DisposeAsync().ConfigureAwait(false);
    }

    private static WebApplication Build(IPAddress address, int port, ProxyRegistry registry, RequestIds ids, ControlLoop loop)
    {
        // The empty builder: no configuration files, no logging providers, nothing on stdout.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, port);
        });
        // Requests are read on the socket engine's thread instead of queueing in the thread pool
        // behind the proxies' pumps; their work then runs on the ControlLoop, never here, because
        // closing a socket from the engine's own thread would wait for that very thread.
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);

        builder.Services.AddRoutingCore();
        WebApplication app = builder.Build();
        app.UseRouting();
        app.Use(RouteGuard.InvokeAsync);
        ApiRoutes.Map(app, registry, ids, loop);
        return app;
    }

    private static void Populate(ProxyRegistry registry, string file)
    {
        try
        {
            var items = PopulateInput.Decode(GoBody.Parse(File.ReadAllBytes(file)));
            if (registry.Populate(items).Error is { } error) throw error;
        }
        catch (ApiError e)
        {
            throw new OptionsValidationException("config", [$"{file}: {e.Message}"]);
        }
    }

    private static IPAddress ResolveHost(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        return IPAddress.TryParse(host, out IPAddress? ip)
            ? ip
            : throw new OptionsValidationException("control server options", [$"host: '{host}' is not an IP address or localhost"]);
    }
}
