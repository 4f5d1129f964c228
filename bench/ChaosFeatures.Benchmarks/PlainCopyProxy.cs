using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.Benchmarks;

/// <summary>
/// The plainest user-space TCP proxy: a blocking read/write loop per direction on its own
/// thread, nothing else. Measured beside the toxic proxy it shows what any proxy that copies
/// through user space can reach on this machine, so a low ratio can be told apart from a
/// slow pump.
/// </summary>
internal sealed class PlainCopyProxy : IDisposable
{
    private const int BufferSize = 1024 * 1024;
    private readonly Socket _listener = new(SocketType.Stream, ProtocolType.Tcp);
    private readonly IPEndPoint _upstream;
    private readonly List<Socket> _sockets = [];
    private readonly List<Thread> _threads = [];

    public PlainCopyProxy(IPEndPoint upstream)
    {
        _upstream = upstream;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(16);
        Start(AcceptLoop);
    }

    public IPEndPoint Endpoint => (IPEndPoint)_listener.LocalEndPoint!;

    public void Dispose()
    {
        _listener.Dispose();
        lock (_sockets) foreach (Socket socket in _sockets) socket.Dispose();
        foreach (Thread thread in _threads.ToArray()) thread.Join(TimeSpan.FromSeconds(5));
    }

    private void AcceptLoop()
    {
        while (true)
        {
            Socket client, server;
            try
            {
                client = _listener.Accept();
                server = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                lock (_sockets) _sockets.AddRange([client, server]);
                client.NoDelay = true;
                server.Connect(_upstream);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException) { return; }
            Start(() => Copy(client, server));
            Start(() => Copy(server, client));
        }
    }

    private static void Copy(Socket from, Socket to)
    {
        var buffer = new byte[BufferSize];
        try
        {
            int read;
            while ((read = from.Receive(buffer)) > 0)
            {
                for (int sent = 0; sent < read;) sent += to.Send(buffer, sent, read - sent, SocketFlags.None);
            }
            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The benchmark is over or the other side went away: nothing to forward any more.
        }
    }

    private void Start(ThreadStart body)
    {
        var thread = new Thread(body) { IsBackground = true, Name = "plain-copy-proxy" };
        lock (_threads) _threads.Add(thread);
        thread.Start();
    }
}
