using System.Runtime.InteropServices;

namespace ChaosFeatures.Harness.ServersUnderTest.Proc;

/// <summary>
/// A Linux pidfd: a handle on one process that stays valid after it exits, so a signal sent
/// through it can never hit another process that reused the pid (kill(2) by number could, between
/// the server's exit and our noticing it).
/// </summary>
internal sealed class PidFd : IDisposable
{
    // The same numbers on x86_64 and arm64 (the unified syscall table, Linux 5.3+).
    private const long SysPidfdSendSignal = 424, SysPidfdOpen = 434;
    private int _fd;

    private PidFd(int fd) => _fd = fd;

    /// <summary>Opens a pidfd for <paramref name="pid"/>, or returns null when it is already gone.</summary>
    public static PidFd? Open(int pid)
    {
        long fd = syscall(SysPidfdOpen, pid, 0, 0, 0);
        return fd < 0 ? null : new PidFd((int)fd);
    }

    /// <summary>False when the process has exited (ESRCH).</summary>
    public bool Send(int signal)
    {
        int fd = Volatile.Read(ref _fd);
        return fd >= 0 && syscall(SysPidfdSendSignal, fd, signal, 0, 0) == 0;
    }

    public void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0) _ = close(fd);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern long syscall(long number, long arg1, long arg2, long arg3, long arg4);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
}
