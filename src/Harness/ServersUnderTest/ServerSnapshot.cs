namespace ChaosFeatures.Harness.ServersUnderTest;

/// <summary>
/// What /proc says about a server under test at one moment. For a process that is gone, every
/// count is 0 and <see cref="Alive"/> is false.
/// </summary>
/// <param name="ProcessId">The process looked at (the one holding the listening socket).</param>
/// <param name="Alive">Exists and is neither a zombie nor dead (a stopped process is alive).</param>
/// <param name="State">The kernel's one-letter state: R running, S sleeping, D disk, T stopped, Z zombie, X dead, '-' gone.</param>
/// <param name="RssKb">Resident memory (VmRSS), KiB.</param>
/// <param name="Threads">Its thread count.</param>
/// <param name="OpenFds">Entries of /proc/PID/fd.</param>
/// <param name="ListeningPorts">TCP ports it listens on.</param>
/// <param name="Established">Its TCP connections in ESTABLISHED.</param>
/// <param name="CloseWait">Its TCP connections in CLOSE_WAIT: the client closed and the server has not (a leak when it grows).</param>
public sealed record ServerSnapshot(int ProcessId, bool Alive, char State, long RssKb, int Threads, int OpenFds,
    IReadOnlyList<int> ListeningPorts, int Established, int CloseWait)
{
    public bool Stopped => State is 'T' or 't';

    public override string ToString() =>
        $"pid {ProcessId} {(Alive ? "alive" : "gone")} state {State} rss {RssKb} KiB threads {Threads} fds {OpenFds} " +
        $"listening [{string.Join(", ", ListeningPorts)}] established {Established} close_wait {CloseWait}";
}
