using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using ChaosFeatures.Harness.EventLog;

namespace ChaosFeatures.Harness.Clients;

/// <summary>One client TLS connection: socket, watched transport, SslStream. Disposal releases all of them, opened or not.</summary>
internal sealed class TlsClientConnection : IAsyncDisposable
{
    private Socket? _socket;
    private SslStream? _ssl;

    /// <summary>Null until connected: a connect that failed saw no transport.</summary>
    public TransportWatch? Watch { get; private set; }

    public async Task<SslStream> OpenAsync(EndPoint endPoint, TlsClientSettings settings, TransferRun run)
    {
        _socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await _socket.ConnectAsync(endPoint, run.Token);
        run.Connected(endPoint, _socket.LocalEndPoint);
        Watch = new TransportWatch(new NetworkStream(_socket, ownsSocket: true));
        _ssl = new SslStream(Watch, leaveInnerStreamOpen: false);
        await _ssl.AuthenticateAsClientAsync(settings.ToOptions(), run.Token);
        run.Note(ChaosEventNames.TlsHandshake, ("protocol", _ssl.SslProtocol.ToString()), ("cipher", _ssl.NegotiatedCipherSuite.ToString()));
        return _ssl;
    }

    /// <summary>Half-close after close_notify: the socket's FIN.</summary>
    public void SendFin() => _socket?.Shutdown(SocketShutdown.Send);

    public async ValueTask DisposeAsync()
    {
        if (_ssl is not null) await _ssl.DisposeAsync();
        _socket?.Dispose();
    }
}
