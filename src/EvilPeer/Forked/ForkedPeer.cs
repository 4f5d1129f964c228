using System.Diagnostics;
using System.Net;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Peers;

namespace ChaosFeatures.EvilPeer.Forked;

/// <summary>
/// An EvilPeer running in a child process (<c>evilpeer</c>): the fault table goes in as one JSON
/// line on stdin, <c>host:port</c> comes back as the first stdout line, then events as JSON lines.
/// Closing stdin stops the child; it also dies with us (PR_SET_PDEATHSIG) if we are killed.
/// </summary>
public sealed class ForkedPeer : IPeer
{
    public static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly HostOutput _output;
    private int _disposed;

    private ForkedPeer(string name, Process process, HostOutput output, IPEndPoint endPoint, TimeSpan startupTime, PeerStats stats)
    {
        Stats = stats;
        Name = name;
        _process = process;
        _output = output;
        EndPoint = endPoint;
        StartupTime = startupTime;
        ProcessId = process.Id;
    }

    public string Name { get; }
    public IPEndPoint EndPoint { get; }
    public int ProcessId { get; }

    /// <summary>The child's counters, rebuilt from its events as they arrive (so slightly behind the child).</summary>
    public PeerStats Stats { get; }

    /// <summary>Wait until <paramref name="count"/> connections have finished in the child (its "done" events).</summary>
    public Task WaitForConnectionsAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Stats.WaitForFinishedAsync(Name, count, timeout, cancellationToken);

    /// <summary>From spawning the child to reading its endpoint line, for the benchmark.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>The child's exit code once disposal has reaped it (0 = it stopped on stdin EOF).</summary>
    public int? ExitCode { get; private set; }

    /// <summary>Start a host; throws (with the child's stderr) if it reports no endpoint within <paramref name="startTimeout"/>.</summary>
    public static async Task<ForkedPeer> StartAsync(PeerOptions options, IPeerEventSink? sink = null, string? hostPath = null,
        TimeSpan? startTimeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        Process process = await ProcessSpawner.StartAsync(HostLocator.StartInfo(HostLocator.Resolve(hostPath)));
        var stats = new PeerStats();
        var output = new HostOutput(process, options.Name, sink, e => EventStats.Apply(stats, e));
        try
        {
            await process.StandardInput.WriteLineAsync(FaultTable.FromOptions(options).ToJson().AsMemory(), cancellationToken);
            await process.StandardInput.FlushAsync(cancellationToken);
            string? line = await output.ReadEndpointLineAsync(startTimeout ?? DefaultStartTimeout, cancellationToken);
            if (line is null || !IPEndPoint.TryParse(line, out IPEndPoint? endPoint))
                throw await StartFailureAsync(process, output, line);
            output.StartPumping();
            return new ForkedPeer(options.Name, process, output, endPoint, clock.Elapsed, stats);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or TimeoutException)
        {
            throw await StartFailureAsync(process, output, null, e);
        }
    }

    /// <summary>SIGKILL the child now (for tests that kill it mid-transfer); dispose still reaps it.</summary>
    public void Kill() => HostProcess.Kill(_process);

    /// <summary>Wait until the child has exited and been reaped.</summary>
    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync().WaitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        ExitCode = await HostProcess.StopAsync(_process, _output);
    }

    private static Task<Exception> StartFailureAsync(Process process, HostOutput output, string? line, Exception? inner = null) =>
        HostProcess.StartFailureAsync(process, output, "evilpeer host", line is null ? "no endpoint line" : $"\"{line}\" instead of host:port", inner);
}
