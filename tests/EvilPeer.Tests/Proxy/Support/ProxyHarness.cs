using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Proxy.Support;

/// <summary>A loopback upstream, a started proxy in front of it, and the clients a test opened; all closed on dispose.</summary>
internal sealed class ProxyHarness : IAsyncDisposable
{
    private readonly List<Socket> _clients = [];

    private ProxyHarness(LoopbackServer server, ToxicProxy proxy, RecordingPeerSink sink)
    {
        Server = server;
        Proxy = proxy;
        Sink = sink;
    }

    public LoopbackServer Server { get; }
    public ToxicProxy Proxy { get; }
    public RecordingPeerSink Sink { get; }

    public static async Task<ProxyHarness> StartAsync(LoopbackServer server, ulong seed = 1, params ToxicOptions[] toxics)
    {
        var sink = new RecordingPeerSink();
        var proxy = new ToxicProxy(new ToxicProxyOptions { Name = "p", Upstream = server.HostPort, Seed = seed, Events = sink });
        await proxy.StartAsync();
        foreach (ToxicOptions toxic in toxics) proxy.AddToxic(toxic);
        return new ProxyHarness(server, proxy, sink);
    }

    public async Task<Socket> ConnectAsync()
    {
        Socket client = await LoopbackClient.ConnectAsync(Proxy.ListenEndpoint);
        lock (_clients) _clients.Add(client);
        return client;
    }

    /// <summary>Connects and completes one echo round trip, so the upstream connection is surely up.</summary>
    public async Task<Socket> ConnectedEchoAsync()
    {
        Socket client = await ConnectAsync();
        await LoopbackClient.SendAsync(client, [1, 2, 3]);
        (await LoopbackClient.ReadExactlyAsync(client, 3)).Should().Equal(1, 2, 3);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_clients) foreach (Socket client in _clients) client.Dispose();
        await Proxy.DisposeAsync().AsTask().WaitAsync(LoopbackClient.Bound);
        Proxy.ConnectionCount.Should().Be(0, "disposing the proxy leaves no connection behind");
        await Server.DisposeAsync();
    }
}
