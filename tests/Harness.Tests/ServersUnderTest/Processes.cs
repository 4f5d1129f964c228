using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.Harness.Tests.ServersUnderTest;

/// <summary>Checks from outside the harness that what it started is really gone. Every wait bounded.</summary>
internal static class Processes
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>No /proc entry, or a zombie (dead; reaping it is its parent's business).</summary>
    public static bool IsGone(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return true; }
    }

    public static async Task<bool> BecomesGoneAsync(int pid)
    {
        var clock = Stopwatch.StartNew();
        while (!IsGone(pid))
        {
            if (clock.Elapsed > Bound) return false;
            await Task.Delay(20);
        }
        return true;
    }

    public static async Task<bool> FolderBecomesGoneAsync(string folder)
    {
        var clock = Stopwatch.StartNew();
        while (Directory.Exists(folder))
        {
            if (clock.Elapsed > Bound) return false;
            await Task.Delay(20);
        }
        return true;
    }

    /// <summary>A port that nothing listens on right now (it may be taken later: use at once).</summary>
    public static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    public static string[] TempFolders(string prefix) => Directory.GetDirectories(Path.GetTempPath(), prefix + "*");
}
