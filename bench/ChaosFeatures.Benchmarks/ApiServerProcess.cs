using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ChaosFeatures.EvilPeer.Forked;

namespace ChaosFeatures.Benchmarks;

/// <summary>
/// A Toxiproxy-API server in its own process, the real Toxiproxy or <c>evilpeer server</c>, driven
/// the way its users drive it: proxies and toxics over HTTP. It runs behind a shell guard that
/// kills it when our stdin pipe closes (on dispose, or when the benchmark dies).
/// </summary>
internal sealed class ApiServerProcess : IAsyncDisposable
{
    private const string Guard = "exec 3<&0; \"$0\" \"$@\" </dev/null & s=$!; { read -r _ <&3; kill $s; } >/dev/null 2>&1 & wait $s";
    private readonly Process _guard;
    private readonly Task _drain;
    private readonly HttpClient _http;

    private ApiServerProcess(string name, Process guard, int port)
    {
        Name = name;
        _guard = guard;
        // Its output (log lines, events) is read and dropped so the server never blocks on a full pipe.
        _drain = Task.WhenAll(guard.StandardOutput.BaseStream.CopyToAsync(Stream.Null), guard.StandardError.BaseStream.CopyToAsync(Stream.Null));
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Name { get; }

    /// <summary>The real Toxiproxy: <c>TOXIPROXY_SERVER</c>, else the anchor build's default output; null when absent.</summary>
    public static string? ToxiproxyPath
    {
        get
        {
            if (Environment.GetEnvironmentVariable("TOXIPROXY_SERVER") is { Length: > 0 } path) return File.Exists(path) ? path : null;
            string built = Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? "/root", ".cache", "toxiproxy-anchor", "bin", "toxiproxy-server");
            return File.Exists(built) ? built : null;
        }
    }

    public const string ToxiproxyMissing = "n/a (no Toxiproxy: set TOXIPROXY_SERVER or run ../shared/anchors/toxiproxy/build.sh)";

    public static Task<ApiServerProcess> StartToxiproxyAsync(string path)
    {
        int port = FreePort();
        return StartAsync("Toxiproxy", port, path, "-host", "127.0.0.1", "-port", $"{port}");
    }

    public static Task<ApiServerProcess> StartEvilPeerAsync()
    {
        int port = FreePort();
        return StartAsync("EvilPeer server", port, HostLocator.DotnetMuxer(), Path.Combine(AppContext.BaseDirectory, "evilpeer.dll"),
            "server", "--host", "127.0.0.1", "--port", $"{port}", "--seed", "1");
    }

    /// <summary>The process's resident memory, from /proc.</summary>
    public long ResidentBytes()
    {
        int pid = ChildPid();
        string? line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    public async Task<IPEndPoint> CreateProxyAsync(string name, string upstream)
    {
        using JsonDocument created = await SendAsync(HttpMethod.Post, "/proxies", $$"""{"name":"{{name}}","listen":"127.0.0.1:0","upstream":"{{upstream}}"}""");
        return IPEndPoint.Parse(created.RootElement.GetProperty("listen").GetString()!);
    }

    public async Task AddToxicAsync(string proxy, string toxicJson) =>
        (await SendAsync(HttpMethod.Post, $"/proxies/{proxy}/toxics", toxicJson)).Dispose();

    public async Task DeleteProxyAsync(string proxy) => (await SendAsync(HttpMethod.Delete, $"/proxies/{proxy}", null)).Dispose();

    /// <summary>Blocking, for a dedicated measuring thread: the time is the server's, not our busy pool's.</summary>
    public void Send(string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = _http.Send(request);
        if ((int)response.StatusCode >= 300) throw new InvalidOperationException($"{Name}: {method} {path} answered {(int)response.StatusCode}");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _guard.StandardInput.Close();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _guard.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            _guard.Kill(entireProcessTree: true);
            await _guard.WaitForExitAsync();
        }
        await _drain;
        _guard.Dispose();
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 300) throw new InvalidOperationException($"{Name}: {method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text.Length == 0 ? "{}" : text);
    }

    private static async Task<ApiServerProcess> StartAsync(string name, int port, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])["-c", Guard, program, .. arguments]) start.ArgumentList.Add(argument);
        var server = new ApiServerProcess(name, Process.Start(start) ?? throw new InvalidOperationException("/bin/sh did not start"), port);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                (await server.SendAsync(HttpMethod.Get, "/proxies", null)).Dispose();
                return server;
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50);
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    private int ChildPid()
    {
        // The guard's child: the server itself.
        string children = File.ReadAllText($"/proc/{_guard.Id}/task/{_guard.Id}/children").Trim();
        return children.Length == 0 ? _guard.Id : int.Parse(children.Split(' ')[0]);
    }

    private static int FreePort()
    {
        using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
