using System.Net;

namespace ChaosFeatures.EvilPeer.Peers;

/// <summary>
/// What clients connect to by name, however it runs: an evil peer in process (<see cref="Peer"/>) or in a child process
/// (<see cref="Forked.ForkedPeer"/>), or a real server the harness started. Disposal stops it, each kind within its own
/// bound: in process once its loops have seen the cancellation, forked on stdin EOF or a SIGKILL 10 s later, a real server
/// by its own shutdown and then a kill.
/// </summary>
public interface IPeer : IAsyncDisposable
{
    /// <summary>Where clients connect (the real port when it asked for port 0).</summary>
    IPEndPoint EndPoint { get; }

    /// <summary>
    /// Its live counters (a forked peer's are rebuilt from its events, so they trail the child by a little); null for a
    /// real server, which keeps none: judge it by what its clients received.
    /// </summary>
    PeerStats? Stats { get; }
}
