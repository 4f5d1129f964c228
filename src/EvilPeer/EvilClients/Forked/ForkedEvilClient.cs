using System.Diagnostics;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Forked;

namespace ChaosFeatures.EvilPeer.EvilClients.Forked;

/// <summary>
/// An evil client in a child process (<c>evilpeer client</c>): the client table goes in as one JSON
/// line on stdin, the target comes back as the first stdout line, then events as JSON lines. Its
/// connections are the child's descriptors, not ours, and <see cref="Kill"/> drops all of them at
/// once the way a crashing client does. Closing stdin stops it; it dies with us (PR_SET_PDEATHSIG).
/// </summary>
public sealed class ForkedEvilClient : IEvilClient
{

    private readonly Process _process;
    private readonly HostOutput _output;
    private readonly ClientEventReplay _replay;
    private int _disposed;

    private ForkedEvilClient(EvilClientOptions options, Process process, HostOutput output, ClientEventReplay replay)
    {
        (Options, _process, _output, _replay) = (options, process, output, replay);
        ProcessId = process.Id;
    }

    public string Name => Options.Name;
    public EvilClientOptions Options { get; }
    public int ProcessId { get; }

    /// <summary>The child's counters, rebuilt from its events as they arrive (so slightly behind the child).</summary>
    public EvilClientStats Stats => _replay.Stats;

    /// <summary>The report once the child's run is over, or once the child is gone (then marked stopped, with what it reported). Never faults.</summary>
    public Task<EvilClientReport> Completion => _replay.Report;

    /// <summary>The child's exit code once disposal has reaped it (0 = it stopped on stdin EOF).</summary>
    public int? ExitCode { get; private set; }

    /// <summary>Start a host in client mode; throws (with the child's stderr) if it does not confirm its target within <paramref name="startTimeout"/>.</summary>
    public static async Task<ForkedEvilClient> StartAsync(EvilClientOptions options, IPeerEventSink? sink = null, string? hostPath = null,
        TimeSpan? startTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        Process process = await ProcessSpawner.StartAsync(HostLocator.StartInfo(HostLocator.Resolve(hostPath), "client"));
        var replay = new ClientEventReplay(options.Name, options.Behaviour.Mode);
        var output = new HostOutput(process, options.Name, sink, replay.Apply);
        try
        {
            await process.StandardInput.WriteLineAsync(ClientTable.FromOptions(options).ToJson().AsMemory(), cancellationToken);
            await process.StandardInput.FlushAsync(cancellationToken);
            string? line = await output.ReadEndpointLineAsync(startTimeout ?? ForkedPeer.DefaultStartTimeout, cancellationToken);
            if (line != options.Target.ToString()) throw await StartFailureAsync(process, output, line);
            output.StartPumping();
            _ = output.EventsEnded.ContinueWith(_ => replay.EventsEnded(clock.Elapsed), TaskScheduler.Default);
            return new ForkedEvilClient(options, process, output, replay);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or TimeoutException)
        {
            throw await StartFailureAsync(process, output, null, e);
        }
    }

    /// <summary>The report once the run is over.</summary>
    /// <exception cref="TimeoutException">Not over within <paramref name="timeout"/>; the message carries the stats.</exception>
    public async Task<EvilClientReport> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Completion.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"forked evil client {Name} did not finish within {timeout.TotalMilliseconds:0} ms ({Stats})");
        }
    }

    /// <summary>SIGKILL the child now: every connection it holds is dropped by the kernel at once. Disposal still reaps it.</summary>
    public void Kill() => HostProcess.Kill(_process);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        ExitCode = await HostProcess.StopAsync(_process, _output);
    }

    private static Task<Exception> StartFailureAsync(Process process, HostOutput output, string? line, Exception? inner = null) =>
        HostProcess.StartFailureAsync(process, output, "evilpeer client host", line is null ? "no target line" : $"\"{line}\" instead of its target", inner);
}
