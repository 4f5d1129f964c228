namespace ChaosFeatures.Harness.ServersUnderTest;

/// <summary>
/// How a server under test ended. <see cref="Code"/> is as a shell reports it: the exit status, or
/// 128+N when signal N killed it (137 after SIGKILL, 143 after an unhandled SIGTERM).
/// </summary>
/// <param name="Code">Exit status, or 128+signal.</param>
/// <param name="Lifetime">From the start of the command to its exit.</param>
/// <param name="AfterSignal">From the last signal sent to the exit; null when no signal was sent.</param>
/// <param name="LastSignal">The last signal the test sent before the exit, if any.</param>
public sealed record ServerExit(int Code, TimeSpan Lifetime, TimeSpan? AfterSignal, ServerSignal? LastSignal)
{
    /// <summary>The signal that killed it when <see cref="Code"/> says so (128+N for a signal we know), else null.</summary>
    public ServerSignal? KilledBy => Code > 128 && Enum.IsDefined((ServerSignal)(Code - 128)) ? (ServerSignal)(Code - 128) : null;

    public override string ToString() =>
        $"exit code {Code}{(KilledBy is { } s ? $" ({ServerSignals.Name(s)})" : "")}" +
        (AfterSignal is { } after && LastSignal is { } last ? $" {after.TotalMilliseconds:0} ms after {ServerSignals.Name(last)}" : "") +
        $", after {Lifetime.TotalMilliseconds:0} ms";
}
