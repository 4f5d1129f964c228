using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.Harness.ServersUnderTest.Probes;
using ChaosFeatures.Harness.ServersUnderTest.Proc;
using ChaosFeatures.EvilPeer.Waiting;

namespace ChaosFeatures.Harness.ServersUnderTest;

/// <summary>
/// The user's server, started as a child process from its command line and watched from /proc:
/// alive, memory, descriptors, threads, sockets; sent signals; checked by a legitimate client.
/// It never outlives the test: it runs under a guard (<see cref="ServerGuard"/>) that SIGKILLs its
/// process group when we dispose it or when the test host dies, and removes its folder.
/// Every wait is bounded and every failure is a one-line reason.
/// </summary>
public sealed class ServerUnderTest : IAsyncDisposable
{
    private const int StderrTailBytes = 600;
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(20);

    private readonly ServerGuard _guard;
    private readonly PidFd? _pidFd;
    private readonly ServerEvents _events;
    private readonly TimeProvider _time;
    private readonly long _startedAt;
    private readonly CancellationTokenSource _disposing = new();
    private long _lastSignalAt;
    private int _lastSignal, _disposed;

    private ServerUnderTest(ServerUnderTestOptions options, ServerGuard guard, PidFd? pidFd, int pid, int listenerPid, int port,
        string folder, ServerEvents events, TimeProvider time, long startedAt)
    {
        (Options, _guard, _pidFd, ProcessId, ListenerProcessId, _events, _time, _startedAt) = (options, guard, pidFd, pid, listenerPid, events, time, startedAt);
        EndPoint = new IPEndPoint(IPAddress.Loopback, port);
        Folder = folder;
        StartupTime = time.GetElapsedTime(startedAt);
    }

    public string Name => Options.Name;
    public ServerUnderTestOptions Options { get; }

    /// <summary>Where it listens: 127.0.0.1 and the port given or picked.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The command's process: signals go here.</summary>
    public int ProcessId { get; }

    /// <summary>The process that holds the listening socket (the command's, or one it started): snapshots look here.</summary>
    public int ListenerProcessId { get; }

    /// <summary>Its temporary folder (stdout.log, stderr.log, <c>{folder}</c> in the command); removed when it stops.</summary>
    public string Folder { get; }

    /// <summary>From starting the command to seeing it listen.</summary>
    public TimeSpan StartupTime { get; }

    public bool HasExited => _guard.Exited.IsCompleted;

    /// <summary>Time since the last signal the test sent it; null when none was sent (what "within T of the signal" counts from).</summary>
    public TimeSpan? SinceLastSignal => Interlocked.Read(ref _lastSignalAt) is long at and > 0 ? _time.GetElapsedTime(at) : null;

    /// <summary>The last signal the test sent it, if any.</summary>
    public ServerSignal? LastSignal => Volatile.Read(ref _lastSignal) is int s and > 0 ? (ServerSignal)s : null;

    /// <summary>How it ended, once it has; null while it runs.</summary>
    public ServerExit? Exit => HasExited ? ToExit(_guard.Exited.Result) : null;

    /// <summary>Starts the command and returns once the server listens on its port.</summary>
    /// <exception cref="InvalidOperationException">
    /// One line: the command does not exist, the port is taken, the server exited first (with its
    /// stderr's tail), or it did not listen within the start timeout. Nothing is left running.
    /// </exception>
    public static async Task<ServerUnderTest> StartAsync(ServerUnderTestOptions options, IPeerEventSink? events = null,
        TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        time ??= TimeProvider.System;
        string name = options.Name;
        string program = options.Command.ResolveProgram(options.WorkingDirectory) ?? throw new InvalidOperationException(
            $"server {name}: command \"{options.Command.Program}\" {(options.Command.Program.Contains('/') ? "does not exist" : "is not on PATH")}");
        string setsid = new ServerCommand("setsid").ResolveProgram()
            ?? throw new InvalidOperationException($"server {name}: setsid is not on PATH (install: apt-get install util-linux)");
        string env = new ServerCommand("env").ResolveProgram()
            ?? throw new InvalidOperationException($"server {name}: env is not on PATH (install: apt-get install coreutils)");
        int port = options.Port == 0 ? FreePort() : options.Port;
        if (options.Port != 0 && await AcceptsAsync(port, cancellationToken))
            throw new InvalidOperationException($"server {name}: 127.0.0.1:{port} is already in use by another process");

        // The pid in the name tells this process's server folders from another test run's on the same machine.
        string folder = Directory.CreateTempSubdirectory(TempFolderPrefix(name)).FullName;
        var sink = new ServerEvents(name, events);
        long startedAt = time.GetTimestamp();
        ServerGuard guard;
        try
        {
            guard = ServerGuard.Start(env, setsid, program, options.Command.ArgumentsFor(port, folder), folder, options.WorkingDirectory, options.Environment, time);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
        PidFd? pidFd = null;
        try
        {
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(TimeSpan.FromMilliseconds(options.StartTimeoutMs));
            int pid = await guard.ServerPid.WaitAsync(bound.Token);
            pidFd = PidFd.Open(pid);
            sink.Start(options.Command.ToString(), pid, port);
            int listener = await WaitUntilListeningAsync(options, guard, pid, port, folder, time, startedAt, bound.Token, cancellationToken);
            var server = new ServerUnderTest(options, guard, pidFd, pid, listener, port, folder, sink, time, startedAt);
            sink.Listening(listener, server.StartupTime);
            return server;
        }
        catch
        {
            await guard.DisposeAsync();
            pidFd?.Dispose();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// What it looked like after its first legitimate exchange, once idle (see <see cref="TakeBaselineAsync"/>): what
    /// "back to the baseline" compares with. Null until taken.
    /// </summary>
    public ServerSnapshot? Baseline { get; private set; }

    /// <summary>
    /// Probes once, waits until it holds no connection, and keeps that snapshot as <see cref="Baseline"/>. Taken warm
    /// because a runtime opens descriptors lazily (.NET's socket engine: ~8 on the first client), so a baseline from just
    /// after the start is one the server never returns to.
    /// </summary>
    /// <exception cref="InvalidOperationException">The probe was not answered, or it did not go idle; one line.</exception>
    public async Task<ServerSnapshot> TakeBaselineAsync(TimeSpan within, CancellationToken cancellationToken = default)
    {
        ProbeResult probe = await ProbeAsync(within, cancellationToken: cancellationToken);
        if (!probe.Answered)
            throw new InvalidOperationException($"server {Name} started but its first legitimate client got no answer: {probe} (is the probe right? {Options.Probe.Description})");
        try
        {
            Baseline = await WaitUntilAsync(s => s.Established == 0 && s.CloseWait == 0, "idle after its first client", within, cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
        return Baseline;
    }

    /// <summary>Live processes of its process group (it and what it forked): empty once everything is gone.</summary>
    public IReadOnlyList<int> ProcessesLeft() => ProcStat.GroupMembers(ProcessId);

    /// <summary>A /proc snapshot of the listening process now.</summary>
    public ServerSnapshot Snapshot() => ProcSnapshot.Take(ListenerProcessId);

    /// <summary>Sends <paramref name="signal"/> to the command's process (through a pidfd: never to a reused pid).</summary>
    /// <exception cref="InvalidOperationException">It has already exited.</exception>
    public void Signal(ServerSignal signal)
    {
        Interlocked.Exchange(ref _lastSignalAt, _time.GetTimestamp());
        Volatile.Write(ref _lastSignal, (int)signal);
        if (HasExited || _pidFd is null || !_pidFd.Send((int)signal))
            throw new InvalidOperationException($"server {Name}: cannot send {ServerSignals.Name(signal)}, it has already exited{(Exit is { } e ? $" ({e})" : "")}");
        _events.Signal(signal);
    }

    /// <summary>Waits for the exit.</summary>
    /// <exception cref="TimeoutException">Still running after <paramref name="within"/>; one line with its state.</exception>
    public async Task<ServerExit> WaitForExitAsync(TimeSpan within, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        try
        {
            ServerExit exit = ToExit(await _guard.Exited.WaitAsync(within, _time, linked.Token));
            _events.Exited(exit);
            return exit;
        }
        catch (TimeoutException)
        {
            string after = Volatile.Read(ref _lastSignal) is int s and > 0 ? $" of {ServerSignals.Name((ServerSignal)s)}" : "";
            throw new TimeoutException($"server {Name} (pid {ProcessId}) did not exit within {within.TotalMilliseconds:0} ms{after}; now: {Snapshot()}");
        }
    }

    /// <summary>"It exited with code C within T of SIGTERM": signal, then wait (bounded) for the exit.</summary>
    public async Task<ServerExit> SignalAndWaitForExitAsync(ServerSignal signal, TimeSpan within, CancellationToken cancellationToken = default)
    {
        Signal(signal);
        return await WaitForExitAsync(within, cancellationToken);
    }

    /// <summary>"It still answers a legitimate client within N ms": a fresh connection and one exchange, bounded.</summary>
    public async Task<ProbeResult> ProbeAsync(TimeSpan within, IServerProbe? probe = null, CancellationToken cancellationToken = default)
    {
        probe ??= Options.Probe;
        long started = _time.GetTimestamp();
        string? failure = null;
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        bound.CancelAfter(within);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(EndPoint, bound.Token);
            await probe.ExchangeAsync(socket, bound.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_disposing.IsCancellationRequested)
        {
            failure = $"no answer in time{(HasExited ? $" (it exited: {Exit})" : Snapshot().Stopped ? " (it is stopped)" : "")}";
        }
        catch (SocketException e) { failure = $"socket error {e.SocketErrorCode}{(HasExited ? $" (it exited: {Exit})" : "")}"; }
        catch (ProbeMismatchException e) { failure = e.Message; }
        TimeSpan elapsed = _time.GetElapsedTime(started);
        var result = new ProbeResult(Name, probe.Description, failure is null, elapsed, within, failure);
        _events.Probe(result);
        return result;
    }

    /// <summary>"It recovers within N s": probes again and again (each bounded by <paramref name="perProbe"/>) until one is answered or <paramref name="within"/> runs out; the last result.</summary>
    public async Task<ProbeResult> WaitUntilAnswersAsync(TimeSpan within, TimeSpan perProbe, IServerProbe? probe = null, CancellationToken cancellationToken = default)
    {
        long started = _time.GetTimestamp();
        while (true)
        {
            ProbeResult result = await ProbeAsync(perProbe, probe, cancellationToken);
            if (result.Answered || _time.GetElapsedTime(started) >= within || HasExited) return result;
            await Task.Delay(PollEvery, _time, cancellationToken);
        }
    }

    /// <summary>Polls /proc until <paramref name="condition"/> holds, e.g. CLOSE_WAIT back to 0.</summary>
    /// <exception cref="TimeoutException">Not within <paramref name="within"/>; one line with the last snapshot.</exception>
    public async Task<ServerSnapshot> WaitUntilAsync(Func<ServerSnapshot, bool> condition, string what, TimeSpan within, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        ServerSnapshot? now = null;
        if (await Eventually.UntilAsync(() => condition(now = Snapshot()), within, _time, linked.Token, pollEvery: PollEvery)) return now!;
        throw new TimeoutException($"server {Name}: not {what} within {within.TotalMilliseconds:0} ms; last: {now}");
    }

    /// <summary>"Its open file descriptors return to within K of the baseline": polls (bounded) until |fds - baseline| &lt;= K.</summary>
    public Task<ServerSnapshot> WaitForOpenFdsAsync(int baseline, int tolerance, TimeSpan within, CancellationToken cancellationToken = default) =>
        WaitUntilAsync(s => s.Alive && Math.Abs(s.OpenFds - baseline) <= tolerance, $"back to within {tolerance} of {baseline} open fds", within, cancellationToken);

    /// <summary>The end of what it wrote to stderr (bounded).</summary>
    public string StderrTail(int maxBytes = 4096) => LogTail.Read(Path.Combine(Folder, "stderr.log"), maxBytes);

    /// <summary>The end of what it wrote to stdout (bounded).</summary>
    public string StdoutTail(int maxBytes = 4096) => LogTail.Read(Path.Combine(Folder, "stdout.log"), maxBytes);

    /// <summary>
    /// Kills the server's process group (if it still runs), reaps it and removes its folder; waits
    /// still running on it (a step cut by a watchdog) end with <see cref="OperationCanceledException"/>. Bounded; idempotent.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _disposing.Cancel();
        if (!HasExited) _events.Signal(ServerSignal.Kill);
        await _guard.DisposeAsync();
        if (Exit is { } exit) _events.Exited(exit);
        _pidFd?.Dispose();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true); // the guard removes it unless it had to be killed
    }

    /// <summary>For tests: what the kernel does when the test host dies, closing the pipe the guard watches, and nothing else.</summary>
    internal void ClosePipeAsIfTheHostDied() => _guard.ClosePipe();

    private ServerExit ToExit((int? Code, long At) exit)
    {
        long signalled = Interlocked.Read(ref _lastSignalAt);
        int signal = Volatile.Read(ref _lastSignal);
        return new ServerExit(exit.Code ?? 137, _time.GetElapsedTime(_startedAt, exit.At),
            signalled == 0 ? null : _time.GetElapsedTime(signalled, exit.At), signal == 0 ? null : (ServerSignal)signal);
    }

    private static async Task<int> WaitUntilListeningAsync(ServerUnderTestOptions options, ServerGuard guard, int pid, int port, string folder,
        TimeProvider time, long startedAt, CancellationToken bound, CancellationToken cancellationToken)
    {
        string name = options.Name;
        while (true)
        {
            if (guard.Exited.IsCompleted)
            {
                int? code = guard.Exited.Result.Code;
                throw new InvalidOperationException($"server {name} exited with code {code} before it listened on 127.0.0.1:{port} " +
                    $"({time.GetElapsedTime(startedAt).TotalMilliseconds:0} ms); stderr: {Tail(folder)}");
            }
            // The command itself, or a process it started (same process group: it runs under setsid).
            if (ProcSnapshot.Listens(pid, port)) return pid;
            foreach (int member in ProcStat.GroupMembers(pid))
                if (member != pid && ProcSnapshot.Listens(member, port)) return member;
            try
            {
                await Task.WhenAny(guard.Exited, Task.Delay(PollEvery, time, bound));
                bound.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                char state = ProcStat.Read(pid)?.State ?? '-';
                throw new InvalidOperationException($"server {name} did not listen on 127.0.0.1:{port} within {options.StartTimeoutMs} ms " +
                    $"(pid {pid}, state {state}; the port never opened); stderr: {Tail(folder)}");
            }
        }
    }

    /// <summary>How the temp folders of this process's server <paramref name="name"/> begin (<c>chaos-sut-NAME-PID-</c>).</summary>
    public static string TempFolderPrefix(string name) => $"chaos-sut-{name}-{Environment.ProcessId}-";

    private static string Tail(string folder) => LogTail.OneLine(LogTail.Read(Path.Combine(folder, "stderr.log"), StderrTailBytes));

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await probe.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), bound.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
