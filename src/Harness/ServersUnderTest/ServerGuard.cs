using System.Diagnostics;

namespace ChaosFeatures.Harness.ServersUnderTest;

/// <summary>
/// The shell that owns a server under test, so the server can never outlive the test host. Like
/// RealServer's guard it keeps our stdin pipe (fd 3): when the pipe closes — we dispose, or the
/// test host died, even by SIGKILL — it SIGKILLs the server's whole process group (the server runs
/// under setsid, so what it forks goes too) and removes its folder. It reports the server's pid and,
/// when it exits, its status (as `wait` gives it: 128+N after signal N), one line each on stdout.
/// </summary>
internal sealed class ServerGuard
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);

    // $0 = env, then --default-signal=INT,QUIT setsid PROGRAM ARGS: a shell starts a background job
    // with SIGINT and SIGQUIT ignored, and a server must get them as a terminal would send them. The watcher's read returns on EOF of
    // fd 3 and kills the group; after the server exits the guard still holds the folder (its logs)
    // until that same EOF, so the harness can read the server's stderr after an early exit.
    private const string Script =
        "trap '' PIPE; exec 3<&0; " +
        "\"$0\" \"$@\" </dev/null >\"$CHAOS_SERVER_FOLDER/stdout.log\" 2>\"$CHAOS_SERVER_FOLDER/stderr.log\" & server=$!; " +
        "exec 2>/dev/null; echo \"pid $server\"; " +
        "{ read -r _ <&3; kill -9 -\"$server\" || kill -9 \"$server\"; } >/dev/null 2>&1 & watcher=$!; " +
        "wait \"$server\"; code=$?; echo \"exit $code\"; " +
        "kill -9 -\"$server\" >/dev/null 2>&1; kill \"$watcher\" >/dev/null 2>&1; " +
        "read -r _ <&3; rm -rf \"$CHAOS_SERVER_FOLDER\"";

    private readonly Process _shell;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource<int> _pid = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<(int? Code, long At)> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _pump;
    private int _disposed;

    private ServerGuard(Process shell, TimeProvider time)
    {
        (_shell, _time) = (shell, time);
        _pump = PumpAsync();
    }

    /// <summary>The server's pid, once the guard reported it.</summary>
    public Task<int> ServerPid => _pid.Task;

    /// <summary>The server's status and when we heard of it; Code is null when the guard itself had to be killed.</summary>
    public Task<(int? Code, long At)> Exited => _exit.Task;

    public static ServerGuard Start(string env, string setsid, string program, IReadOnlyList<string> arguments, string folder,
        string? workingDirectory, IReadOnlyDictionary<string, string> environment, TimeProvider time)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in (string[])["-c", Script, env, "--default-signal=INT,QUIT", setsid, program, .. arguments]) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["CHAOS_SERVER_FOLDER"] = folder;
        return new ServerGuard(Process.Start(start) ?? throw new InvalidOperationException("/bin/sh did not start"), time);
    }

    /// <summary>Only close the pipe, as the test host's death would.</summary>
    internal void ClosePipe()
    {
        try { _shell.StandardInput.Close(); }
        catch (IOException) { }
    }

    /// <summary>Close the pipe (the guard kills the server group and removes the folder), wait, and kill the guard if it lingers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try { _shell.StandardInput.Close(); }
        catch (IOException) { }
        using (var bound = new CancellationTokenSource(StopBound))
        {
            try
            {
                await _shell.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                _shell.Kill(entireProcessTree: true);
                await _shell.WaitForExitAsync();
            }
        }
        await _pump.WaitAsync(StopBound);
        _shell.Dispose();
    }

    private async Task PumpAsync()
    {
        try
        {
            string? line;
            while ((line = await _shell.StandardOutput.ReadLineAsync()) is not null)
            {
                if (line.StartsWith("pid ", StringComparison.Ordinal) && int.TryParse(line[4..], out int pid)) _pid.TrySetResult(pid);
                else if (line.StartsWith("exit ", StringComparison.Ordinal) && int.TryParse(line[5..], out int code)) _exit.TrySetResult((code, _time.GetTimestamp()));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException) { }
        _pid.TrySetException(new InvalidOperationException("the server guard (/bin/sh) ended before it reported the server's pid"));
        _exit.TrySetResult((null, _time.GetTimestamp()));
    }
}
