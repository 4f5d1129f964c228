namespace ChaosFeatures.Harness.ServersUnderTest.Proc;

/// <summary>Builds a <see cref="ServerSnapshot"/> of one process from /proc.</summary>
internal static class ProcSnapshot
{
    public static ServerSnapshot Take(int pid)
    {
        ProcStat? stat = ProcStat.Read(pid);
        if (stat is not { Alive: true } live) return new ServerSnapshot(pid, false, stat?.State ?? '-', 0, 0, 0, [], 0, 0);
        (long rssKb, int threads) = Status(pid);
        IReadOnlyList<ProcTcp.Entry> tcp = ProcTcp.Of(pid);
        return new ServerSnapshot(pid, true, live.State, rssKb, threads, ProcTcp.OpenFds(pid),
            [.. tcp.Where(e => e.State == ProcTcp.Listen).Select(e => e.LocalPort).Distinct().Order()],
            tcp.Count(e => e.State == ProcTcp.Established), tcp.Count(e => e.State == ProcTcp.CloseWait));
    }

    /// <summary>True when <paramref name="pid"/> holds a listening TCP socket on <paramref name="port"/>.</summary>
    public static bool Listens(int pid, int port) => ProcTcp.Of(pid).Any(e => e.State == ProcTcp.Listen && e.LocalPort == port);

    private static (long RssKb, int Threads) Status(int pid)
    {
        long rss = 0;
        int threads = 0;
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Number(line);
                else if (line.StartsWith("Threads:", StringComparison.Ordinal)) threads = (int)Number(line);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return (rss, threads);
    }

    private static long Number(string line) =>
        long.TryParse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1), out long n) ? n : 0;
}
