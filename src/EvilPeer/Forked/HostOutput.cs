using System.Diagnostics;
using System.Text;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Forked;

/// <summary>
/// Reads a host's stdout (endpoint line, then event lines re-emitted to the sink) and its stderr
/// (kept for error messages). Both pipes are always drained so the child never blocks on them.
/// </summary>
internal sealed class HostOutput : IAsyncDisposable
{
    private const int MaxStderrChars = 8 * 1024;
    private static readonly TimeSpan PumpBound = TimeSpan.FromSeconds(10);
    private readonly Process _process;
    private readonly string _actor;
    private readonly IPeerEventSink? _sink;
    private readonly Action<PeerEvent> _observe;
    private readonly StringBuilder _stderr = new();
    private readonly Task _stderrPump;
    private Task _eventPump = Task.CompletedTask;

    /// <param name="observe">Sees every event before the sink does: rebuilds the child's counters.</param>
    public HostOutput(Process process, string actor, IPeerEventSink? sink, Action<PeerEvent> observe)
    {
        _observe = observe;
        _process = process;
        _actor = actor;
        _sink = sink;
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public async Task<string?> ReadEndpointLineAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(timeout, cancellationToken);

    public void StartPumping() => _eventPump = Task.Run(PumpEventsAsync);

    /// <summary>Completes when the child's stdout ends (it exited, or closed it): no event comes after.</summary>
    public Task EventsEnded => _eventPump;

    /// <summary>Call once the process has exited: both pipes are then at EOF and the pumps end.</summary>
    public async ValueTask DisposeAsync() => await Task.WhenAll(_eventPump, _stderrPump).WaitAsync(PumpBound);

    private async Task PumpStderrAsync()
    {
        string? line;
        while ((line = await _process.StandardError.ReadLineAsync()) is not null)
            lock (_stderr) if (_stderr.Length < MaxStderrChars) _stderr.AppendLine(line);
    }

    private async Task PumpEventsAsync()
    {
        string? line;
        while ((line = await _process.StandardOutput.ReadLineAsync()) is not null)
        {
            if (line.Length == 0) continue;
            PeerEvent peerEvent;
            try { peerEvent = EventLine.Parse(line); }
            catch (OptionsValidationException e)
            {
                peerEvent = new PeerEvent(Stopwatch.GetTimestamp(), _actor, PeerEventNames.Error, 0,
                    [new("message", $"unreadable host output: {e.Message}"), new("line", line)]);
            }
            _observe(peerEvent);
            _sink?.Emit(peerEvent);
        }
    }
}
