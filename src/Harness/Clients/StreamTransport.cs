using System.Net.Sockets;

namespace ChaosFeatures.Harness.Clients;

/// <summary>The <c>stream</c> driver: a NetworkStream that owns the socket.</summary>
internal sealed class StreamTransport(Socket socket) : ITransport
{
    private readonly NetworkStream _stream = new(socket, ownsSocket: true);

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        _stream.ReadAsync(buffer, cancellationToken);

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        _stream.WriteAsync(data, cancellationToken);

    /// <summary>NetworkStream has no half-close of its own; the socket's is the real one.</summary>
    public ValueTask CompleteWritesAsync()
    {
        socket.Shutdown(SocketShutdown.Send);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
