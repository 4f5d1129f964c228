using System.Diagnostics;
using ChaosFeatures.EvilPeer.Forked;

namespace ChaosFeatures.EvilPeer.Tests.Forked;

/// <summary>Runs the evilpeer host directly, and checks that processes are really gone.</summary>
internal static class HostProcesses
{
    /// <summary>No /proc entry, or only a zombie whose reaping is init's business, not a live process.</summary>
    public static bool IsGone(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return true;
        }
    }

    public static async Task<bool> BecomesGoneAsync(int pid, TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        while (!IsGone(pid))
        {
            if (clock.Elapsed > bound) return false;
            await Task.Delay(20);
        }
        return true;
    }

    public static ProcessStartInfo Host(params string[] args)
    {
        var info = new ProcessStartInfo(HostLocator.DotnetMuxer())
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.ArgumentList.Add(HostLocator.Resolve());
        foreach (string arg in args) info.ArgumentList.Add(arg);
        return info;
    }

    /// <summary>Feed one stdin line, wait (bounded) for exit; always reaps, kills on timeout.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(ProcessStartInfo info, string? stdinLine)
    {
        using var process = Process.Start(info)!;
        try
        {
            if (stdinLine is not null) await process.StandardInput.WriteLineAsync(stdinLine);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            if (!process.HasExited) { process.Kill(); await process.WaitForExitAsync(); }
        }
    }
}
