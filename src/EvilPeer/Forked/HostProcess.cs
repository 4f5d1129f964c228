using System.Diagnostics;

namespace ChaosFeatures.EvilPeer.Forked;

/// <summary>The life of an evilpeer host child, shared by forked peers and forked evil clients: kill, stop, failed start.</summary>
internal static class HostProcess
{
    /// <summary>How long a child gets to exit on stdin EOF, and again after a SIGKILL, before we stop waiting.</summary>
    public static readonly TimeSpan ExitBound = TimeSpan.FromSeconds(10);

    /// <summary>SIGKILL the child now; a child that already exited is left as it is.</summary>
    public static void Kill(Process process)
    {
        try { process.Kill(); }
        catch (InvalidOperationException) { } // already exited
    }

    /// <summary>
    /// EOF on stdin (the host's signal to stop), then its exit within <see cref="ExitBound"/>, else a SIGKILL and
    /// another bound; its output is drained and the process released either way. Returns its exit code when it exited.
    /// </summary>
    public static async Task<int?> StopAsync(Process process, HostOutput output)
    {
        int? exitCode = null;
        try { process.StandardInput.Close(); }
        catch (IOException) { }
        try { await process.WaitForExitAsync().WaitAsync(ExitBound); }
        catch (TimeoutException)
        {
            Kill(process);
            await process.WaitForExitAsync().WaitAsync(ExitBound);
        }
        finally
        {
            if (process.HasExited) exitCode = process.ExitCode;
            await output.DisposeAsync();
            process.Dispose();
        }
        return exitCode;
    }

    /// <summary>Kills a child that did not start right and makes the error naming <paramref name="what"/> it gave, with its exit code and stderr.</summary>
    public static async Task<Exception> StartFailureAsync(Process process, HostOutput output, string host, string what, Exception? inner)
    {
        Kill(process);
        await process.WaitForExitAsync().WaitAsync(ExitBound);
        await output.DisposeAsync();
        var failure = new InvalidOperationException($"{host} gave {what} (exit code {process.ExitCode}); stderr: {output.Stderr.Trim()}", inner);
        process.Dispose();
        return failure;
    }
}
