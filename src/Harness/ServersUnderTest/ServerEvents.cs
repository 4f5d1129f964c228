using System.Diagnostics;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.Harness.EventLog;

namespace ChaosFeatures.Harness.ServersUnderTest;

/// <summary>A server under test's events, in the peers' shape so the timeline and the event log take them as they are.</summary>
internal sealed class ServerEvents(string actor, IPeerEventSink? sink)
{
    private int _exitReported;

    public void Start(string command, int pid, int port)
    {
        if (sink is null) return;
        Emit(ChaosEventNames.ServerStart, [new("command", command), new("pid", (long)pid), new("port", (long)port)]);
    }

    public void Listening(int pid, TimeSpan after)
    {
        if (sink is null) return;
        Emit(ChaosEventNames.ServerListening, [new("pid", (long)pid), new("after_ms", after.TotalMilliseconds)]);
    }

    public void Signal(ServerSignal signal) { if (sink is not null) Emit(ChaosEventNames.ServerSignal, [new("signal", ServerSignals.Name(signal))]); }

    /// <summary>Once, however many waits see the exit.</summary>
    public void Exited(ServerExit exit)
    {
        if (sink is null || Interlocked.Exchange(ref _exitReported, 1) == 1) return;
        Emit(ChaosEventNames.ServerExit, [new("code", (long)exit.Code), new("after_signal_ms", exit.AfterSignal?.TotalMilliseconds), new("lifetime_ms", exit.Lifetime.TotalMilliseconds)]);
    }

    public void Probe(ProbeResult result)
    {
        if (sink is null) return;
        Emit(ChaosEventNames.ServerProbe, [new("probe", result.Probe), new("answered", result.Answered), new("ms", result.Elapsed.TotalMilliseconds), new("failure", result.Failure)]);
    }

    private void Emit(string name, KeyValuePair<string, object?>[] fields) =>
        sink!.Emit(new PeerEvent(Stopwatch.GetTimestamp(), actor, name, 0, fields));
}
