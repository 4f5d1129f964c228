using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;

namespace ChaosFeatures.Harness.Clients;

/// <summary>The <c>pipe</c> driver: PipeReader/PipeWriter over a NetworkStream, consumed <c>buffer.Length</c> bytes at a time.</summary>
internal sealed class PipeTransport : ITransport
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly PipeWriter _writer;

    public PipeTransport(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true));
        _writer = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await _reader.ReadAsync(cancellationToken);
        var available = result.Buffer;
        var count = (int)Math.Min(available.Length, buffer.Length);
        available.Slice(0, count).CopyTo(buffer.Span);
        // Consume only what the caller asked for: byte-by-byte reads stay byte by byte at the pipe's edge.
        _reader.AdvanceTo(available.GetPosition(count));
        return count;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        await _writer.WriteAsync(data, cancellationToken);

    public async ValueTask CompleteWritesAsync()
    {
        await _writer.CompleteAsync();
        _socket.Shutdown(SocketShutdown.Send);
    }

    public async ValueTask DisposeAsync()
    {
        // Completing may try to flush into a dead connection; the transfer's outcome is already decided.
        try { await _writer.CompleteAsync(); } catch (IOException) { } catch (SocketException) { } catch (ObjectDisposedException) { }
        await _reader.CompleteAsync();
        await _stream.DisposeAsync();
    }
}
