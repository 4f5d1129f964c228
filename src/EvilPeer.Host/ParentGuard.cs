using System.Runtime.InteropServices;
using ChaosFeatures.EvilPeer.Forked;

namespace ChaosFeatures.EvilPeer.Host;

/// <summary>
/// Second guard against orphans (the first is stdin EOF): ask Linux to SIGKILL us when the
/// parent dies, even if it dies by SIGKILL and never closes our stdin.
/// </summary>
internal static class ParentGuard
{
    private const int PrSetPdeathsig = 1;
    private const int SigKill = 9;

    /// <summary>False when the parent is already gone (it died before the guard was armed).</summary>
    public static bool Arm()
    {
        if (!OperatingSystem.IsLinux()) return true;
        _ = prctl(PrSetPdeathsig, SigKill, 0, 0, 0);
        string? expected = Environment.GetEnvironmentVariable(HostLocator.ParentPidVariable);
        return expected is null || !int.TryParse(expected, out int parent) || getppid() == parent;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [DllImport("libc")]
    private static extern int getppid();
}
