namespace ChaosFeatures.Harness.ServersUnderTest.Proc;

/// <summary>The fields of /proc/PID/stat a server watch needs.</summary>
internal readonly record struct ProcStat(char State, int ParentId, int ProcessGroup)
{
    /// <summary>Null when the process is gone (or /proc is not there).</summary>
    public static ProcStat? Read(int pid)
    {
        string text;
        try { text = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        // "pid (comm) S ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
        int close = text.LastIndexOf(')');
        if (close < 0 || close + 2 >= text.Length) return null;
        string[] fields = text[(close + 2)..].Split(' ');
        return fields.Length > 2 && int.TryParse(fields[1], out int ppid) && int.TryParse(fields[2], out int pgrp)
            ? new ProcStat(fields[0][0], ppid, pgrp)
            : null;
    }

    public bool Alive => State is not ('Z' or 'X' or 'x');

    /// <summary>Every live process whose process group is <paramref name="group"/> (a setsid'd server and what it forked).</summary>
    public static IReadOnlyList<int> GroupMembers(int group)
    {
        var members = new List<int>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            if (Read(pid) is { } stat && stat.ProcessGroup == group && stat.Alive) members.Add(pid);
        }
        return members;
    }
}
