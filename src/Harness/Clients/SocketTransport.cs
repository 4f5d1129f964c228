using System.Net.Sockets;

namespace ChaosFeatures.Harness.Clients;

/// <summary>The <c>socket</c> driver: Socket.ReceiveAsync/SendAsync directly.</summary>
internal sealed class SocketTransport(Socket socket) : ITransport
{
    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty) data = data[await socket.SendAsync(data, SocketFlags.None, cancellationToken)..];
    }

    public ValueTask CompleteWritesAsync()
    {
        socket.Shutdown(SocketShutdown.Send);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
