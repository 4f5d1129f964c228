using System.Buffers;
using System.Text.Json;
using System.Threading.Channels;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Forked;

namespace ChaosFeatures.EvilPeer.Host;

/// <summary>
/// Streams events to stdout as JSON lines from one writer task, so the peer's I/O loops never
/// block on the pipe. Events emitted before <see cref="StartAsync"/> wait behind the endpoint line.
/// Lines are written as UTF-8 straight into one reused buffer: a control server under load emits
/// thousands of toxicity draws a second, and a string, a JSON writer and a buffer per line were a
/// large part of what it allocated (and so of its GC pauses).
/// </summary>
internal sealed class JsonLineSink(StreamWriter output) : IPeerEventSink
{
    private const int FlushAt = 64 * 1024;

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
        Stream stdout = output.BaseStream; // the endpoint line before is flushed, and nothing else writes text after it
        var buffer = new ArrayBufferWriter<byte>(FlushAt * 2);
        using var json = new Utf8JsonWriter(buffer);
        try
        {
            while (await _events.Reader.WaitToReadAsync())
            {
                while (_events.Reader.TryRead(out PeerEvent? e))
                {
                    EventLine.Write(json, e);
                    json.Flush();
                    json.Reset();
                    buffer.Write("\n"u8);
                    if (buffer.WrittenCount >= FlushAt) await WriteOutAsync(stdout, buffer);
                }
                await WriteOutAsync(stdout, buffer);
                await stdout.FlushAsync();
            }
        }
        catch (IOException)
        {
            // The parent closed our stdout: nobody is listening, keep serving until stdin says stop.
            while (await _events.Reader.WaitToReadAsync()) while (_events.Reader.TryRead(out _)) { }
        }
    }

    private static async Task WriteOutAsync(Stream stdout, ArrayBufferWriter<byte> buffer)
    {
        await stdout.WriteAsync(buffer.WrittenMemory);
        buffer.ResetWrittenCount();
    }
}
