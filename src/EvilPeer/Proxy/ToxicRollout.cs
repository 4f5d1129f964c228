using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Toxics;

namespace ChaosFeatures.EvilPeer.Proxy;

/// <summary>
/// Carries a toxic change to every live connection off the caller's thread. A control call publishes the new
/// snapshot and returns; a connection that moves data picks the snapshot up at its next chunk anyway, so this walk
/// is for the idle ones (a toxic's timer to start, held chunks to release). Applied inline, the walk over 1,000
/// live connections cost each API call 5-50 ms. Requests made while a walk is queued fold into it.
/// </summary>
internal sealed class ToxicRollout(Func<ProxyConnection[]> live)
{
    private readonly Lock _gate = new();
    private bool _queued;
    private Task _walks = Task.CompletedTask;

    /// <summary>The walks requested so far, done (for the proxy's disposal).</summary>
    public Task Completion { get { lock (_gate) return _walks; } }

    /// <summary>Call after publishing the snapshot: the walk reads the live set, and every connection the newest toxics, after this.</summary>
    public void Request()
    {
        lock (_gate)
        {
            if (_queued) return; // that walk has not listed the connections yet, so it carries this change as well
            _queued = true;
            _walks = _walks.ContinueWith(_ => Walk(), CancellationToken.None, TaskContinuationOptions.DenyChildAttach, TaskScheduler.Default);
        }
    }

    private void Walk()
    {
        lock (_gate) _queued = false;
        foreach (ProxyConnection connection in live())
        {
            try
            {
                connection.RefreshToxics();
            }
            catch (Exception e)
            {
                // A bug, not a network event: reported, and the connection's peers are not left on a half-applied chain.
                if (connection.Events.On) connection.Emit(PeerEventNames.Error, [new("error", e.ToString())]);
                connection.Close(CloseMode.Rst, $"toxic update failed: {e.GetType().Name}");
            }
        }
    }
}
