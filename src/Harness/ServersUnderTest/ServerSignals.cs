namespace ChaosFeatures.Harness.ServersUnderTest;

/// <summary>Signal names as features and events write them (<c>SIGTERM</c>), both ways.</summary>
public static class ServerSignals
{
    public static string Name(ServerSignal signal) => signal switch
    {
        ServerSignal.Hangup => "SIGHUP",
        ServerSignal.Interrupt => "SIGINT",
        ServerSignal.Quit => "SIGQUIT",
        ServerSignal.Kill => "SIGKILL",
        ServerSignal.User1 => "SIGUSR1",
        ServerSignal.User2 => "SIGUSR2",
        ServerSignal.Terminate => "SIGTERM",
        ServerSignal.Continue => "SIGCONT",
        ServerSignal.Stop => "SIGSTOP",
        _ => $"signal {(int)signal}",
    };

    /// <summary><c>SIGTERM</c>, <c>TERM</c> or <c>term</c>.</summary>
    /// <exception cref="ArgumentException">Not one of the known names; the message lists them.</exception>
    public static ServerSignal Parse(string name)
    {
        string wanted = name.Trim().ToUpperInvariant();
        if (!wanted.StartsWith("SIG", StringComparison.Ordinal)) wanted = "SIG" + wanted;
        foreach (ServerSignal signal in Enum.GetValues<ServerSignal>())
            if (Name(signal) == wanted) return signal;
        throw new ArgumentException($"signal \"{name}\" is unknown; known: {string.Join(", ", Enum.GetValues<ServerSignal>().Select(Name))}", nameof(name));
    }
}
