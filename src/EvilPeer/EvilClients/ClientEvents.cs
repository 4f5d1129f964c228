using ChaosFeatures.EvilPeer.Events;

namespace ChaosFeatures.EvilPeer.EvilClients;

/// <summary>
/// Builds evil-client events, named like the peer's (<c>connect</c>, <c>write</c>, <c>read</c>,
/// <c>fin</c>, <c>rst</c>, <c>close</c>, <c>error</c>). Nothing is allocated when nobody listens.
/// A forked client's parent rebuilds its counters and results from exactly these events.
/// </summary>
internal sealed class ClientEvents(string actor, IPeerEventSink? sink) : ConnectionEvents(actor, sink)
{

    public void Start(string target, string mode, int connections, ulong seed)
    {
        if (!Observed) return;
        Emit(PeerEventNames.Start, 0, [new("target", target), new("mode", mode), new("connections", (long)connections), new("seed", seed.ToString())]);
    }

    public void Attempt(long conn) { if (Observed) Emit(PeerEventNames.Attempt, conn, []); }

    public void Connect(long conn, int localPort) { if (Observed) Emit(PeerEventNames.Connect, conn, [new("local_port", (long)localPort)]); }

    /// <summary>The connection is over; carries everything its <see cref="ConnectionResult"/> holds.</summary>
    public void Close(ConnectionResult r)
    {
        if (!Observed) return;
        Emit(PeerEventNames.Close, r.Id,
        [
            new("end", EndName(r.End)), new("sent", r.BytesSent), new("received", r.BytesReceived),
            new("lifetime_ms", r.Lifetime.TotalMilliseconds), new("reply_head", Convert.ToBase64String(r.ReplyHead.Span)),
        ]);
    }

    /// <summary>The whole run is over.</summary>
    public void Finished(TimeSpan elapsed, bool deadlineReached, bool stopped, long errors)
    {
        if (!Observed) return;
        Emit(PeerEventNames.Finished, 0,
            [new("elapsed_ms", elapsed.TotalMilliseconds), new("deadline_reached", deadlineReached), new("stopped", stopped), new("errors", errors)]);
    }

    /// <summary>The snake_case name of an end in events and the forked table (<c>server_fin</c>, ...).</summary>
    public static string EndName(ConnectionEnd end) => end switch
    {
        ConnectionEnd.Refused => "refused",
        ConnectionEnd.ConnectTimeout => "connect_timeout",
        ConnectionEnd.ConnectError => "connect_error",
        ConnectionEnd.ServerClosed => "server_fin",
        ConnectionEnd.ServerReset => "server_rst",
        _ => "closed_by_client",
    };

    public static ConnectionEnd? ParseEnd(string? name) => name switch
    {
        "refused" => ConnectionEnd.Refused,
        "connect_timeout" => ConnectionEnd.ConnectTimeout,
        "connect_error" => ConnectionEnd.ConnectError,
        "server_fin" => ConnectionEnd.ServerClosed,
        "server_rst" => ConnectionEnd.ServerReset,
        "closed_by_client" => ConnectionEnd.ClosedByClient,
        _ => null,
    };

}
