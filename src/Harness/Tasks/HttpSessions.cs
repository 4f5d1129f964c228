using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Harness.EventLog;
using ChaosFeatures.Harness.Peers;

namespace ChaosFeatures.Harness.Tasks;

/// <summary>
/// The scenario's HTTP clients: one <see cref="HttpClientSession"/> per task and peer, made by the task's
/// first request to that peer and kept, so its later requests reuse a keep-alive connection as a real
/// client's would. Closed at the end of the scenario, after the tasks and before the peers and the leak check.
/// </summary>
public sealed class HttpSessions
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Task, string Peer), HttpClientSession> _sessions = [];
    private bool _closed;

    public HttpClientSession For(string task, RunningPeer peer, HttpClientSettings settings, IChaosEventSink events)
    {
        lock (_gate)
        {
            if (_closed) throw new InvalidOperationException($"task \"{task}\": the scenario's HTTP clients were already closed");
            if (!_sessions.TryGetValue((task, peer.Spec.Name), out var session))
                _sessions[(task, peer.Spec.Name)] = session = new HttpClientSession(peer.ClientEndPoint, settings, task, events, DriverName(settings));
            return session;
        }
    }

    /// <summary>TCP connections the task's client opened to the peer so far (0 when it never asked it anything).</summary>
    public int ConnectionsOpened(string task, string peer)
    {
        lock (_gate) return _sessions.TryGetValue((task, peer), out var session) ? session.ConnectionsOpened : 0;
    }

    public async Task CloseAllAsync()
    {
        HttpClientSession[] sessions;
        lock (_gate)
        {
            _closed = true;
            sessions = [.. _sessions.Values];
        }
        foreach (var session in sessions) await session.DisposeAsync();
    }

    private static string DriverName(HttpClientSettings settings) =>
        (settings.Https ? "https" : "http") + (settings.Resilience is null ? "" : "-retry");
}
