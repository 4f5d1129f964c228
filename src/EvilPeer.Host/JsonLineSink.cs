using System.Threading.Channels;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Forked;

namespace ChaosFeatures.EvilPeer.Host;

/// <summary>
/// Streams events to stdout as JSON lines from one writer task, so the peer's I/O loops never
/// block on the pipe. Events emitted before <see cref="StartAsync"/> wait behind the endpoint line.
/// </summary>
internal sealed class JsonLineSink(TextWriter output) : IPeerEventSink
{
    private readonly Channel<PeerEvent> _events = Channel.CreateUnbounded<PeerEvent>(new() { SingleReader = true });
    private Task _writer = Task.CompletedTask;

    public void Emit(PeerEvent peerEvent) => _events.Writer.TryWrite(peerEvent);

    /// <summary>Write <paramref name="firstLine"/>, then every event as it comes.</summary>
    public async Task StartAsync(string firstLine)
    {
        await output.WriteLineAsync(firstLine);
        await output.FlushAsync();
        _writer = Task.Run(WriteEventsAsync);
    }

    /// <summary>No more events: flush what is queued and stop.</summary>
    public Task CompleteAsync()
    {
        _events.Writer.TryComplete();
        return _writer;
    }

    private async Task WriteEventsAsync()
    {
        try
        {
            while (await _events.Reader.WaitToReadAsync())
            {
                while (_events.Reader.TryRead(out PeerEvent? e)) await output.WriteLineAsync(EventLine.Format(e));
                await output.FlushAsync();
            }
        }
        catch (IOException)
        {
            // The parent closed our stdout: nobody is listening, keep serving until stdin says stop.
            while (await _events.Reader.WaitToReadAsync()) while (_events.Reader.TryRead(out _)) { }
        }
    }
}
