namespace ChaosFeatures.Control.Tests.Support;

/// <summary>An in-process control server on a free loopback port and a client for it; both closed on dispose, leaving no socket behind.</summary>
internal sealed class ApiHarness : IAsyncDisposable
{
    private ApiHarness(ControlServer server, RecordingPeerSink events)
    {
        Server = server;
        Events = events;
        Api = new ApiClient(server.Url);
    }

    public ControlServer Server { get; }

    public ApiClient Api { get; }

    public RecordingPeerSink Events { get; }

    public static async Task<ApiHarness> StartAsync(ulong seed = 1, string? configFile = null)
    {
        var events = new RecordingPeerSink();
        ControlServer server = await ControlServer.StartAsync(new ControlServerOptions
        {
            Port = 0, Seed = seed, ConfigFile = configFile, Events = events,
        });
        return new ApiHarness(server, events);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
    }
}
