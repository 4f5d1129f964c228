using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.Control.Tests.Support;

/// <summary>An upstream that streams <paramref name="chunk"/> bytes every <paramref name="interval"/> to each connection until it closes; all closed on dispose.</summary>
public sealed class StreamingUpstream(int chunk, TimeSpan interval) : IAsyncDisposable
{
    private readonly Socket _listener = Listen();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _streams = [];
    private Task? _accepting;

    public string HostPort => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}";

    public StreamingUpstream Start()
    {
        _accepting = AcceptAsync();
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Dispose();
        if (_accepting is not null) await _accepting;
        Task[] streams;
        lock (_streams) streams = [.. _streams];
        await Task.WhenAll(streams).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static Socket Listen()
    {
        var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(2048);
        return listener;
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket socket;
            try { socket = await _listener.AcceptAsync(_stop.Token); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException) { return; }
            lock (_streams) _streams.Add(StreamAsync(socket));
        }
    }

    private async Task StreamAsync(Socket socket)
    {
        var data = new byte[chunk];
        using (socket)
        {
            try
            {
                while (true)
                {
                    await socket.SendAsync(data, SocketFlags.None, _stop.Token);
                    await Task.Delay(interval, _stop.Token);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The proxy closed the connection, or the test is over.
            }
        }
    }
}
