using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace ChaosFeatures.EvilPeer.Tls;

/// <summary>
/// The server side of one TLS connection with its faults: the handshake (or the stop that
/// replaces it), then the SslStream the owner reads and writes. The owner (a peer connection or
/// a proxy connection) applies <see cref="StopMode"/> when <see cref="Ended"/> is set, and ends
/// with <see cref="ShutdownAsync"/> (close_notify, unless the options truncate) before its FIN.
/// </summary>
internal sealed class TlsServerConnection : IDisposable
{
    private static readonly ConditionalWeakTable<X509Certificate2, SslStreamCertificateContext> Contexts = new();

    private readonly TlsOptions _options;
    private readonly TlsEvents _events;
    private readonly TlsFaultStream _transport;

    private TlsServerConnection(Socket socket, TlsOptions options, TimeProvider time, TlsEvents events, CancellationToken stopping)
    {
        _options = options;
        _events = events;
        _transport = new TlsFaultStream(new NetworkStream(socket, ownsSocket: false), options, time, events, stopping);
        Stream = new SslStream(_transport, leaveInnerStreamOpen: false);
    }

    public SslStream Stream { get; }

    /// <summary>The handshake completed (and, for Renegotiate, the renegotiation was attempted).</summary>
    public bool Established { get; private set; }

    /// <summary>A fault ended the connection at or right after the handshake; apply <see cref="StopMode"/>.</summary>
    public TlsFaultKind? Ended { get; private set; }

    public TlsStopMode StopMode => Ended == TlsFaultKind.ResetAfterHandshake ? TlsStopMode.Reset : _options.Stop;

    /// <summary>The client broke the handshake off (e.g. it rejected the certificate): its message.</summary>
    public string? Failure { get; private set; }

    /// <summary>A record-level fault cut the stream (the write that threw was the fault, not the network).</summary>
    public bool CutByFault => _transport.Fired;

    public static async Task<TlsServerConnection> AcceptAsync(Socket socket, TlsOptions options, TimeProvider time,
        TlsEvents events, CancellationToken stopping)
    {
        var connection = new TlsServerConnection(socket, options, time, events, stopping);
        try
        {
            if (options.Fault == TlsFaultKind.StopAfterClientHello)
            {
                events.ClientHello(await ClientHelloReader.ReadAsync(socket, stopping));
                events.Fault(options.Fault, 0);
                connection.Ended = options.Fault;
                return connection;
            }
            await connection.HandshakeAsync(stopping);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>close_notify when the options ask for it; a dead connection is not an error here.</summary>
    public async Task ShutdownAsync()
    {
        if (!_options.CloseNotify || !Established || CutByFault) return;
        try
        {
            await Stream.ShutdownAsync();
            _events.CloseNotify();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException) { }
    }

    public void Dispose() => Stream.Dispose();

    private async Task HandshakeAsync(CancellationToken stopping)
    {
        X509Certificate2 certificate = _options.ResolveCertificate();
        var authentication = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = Contexts.GetValue(certificate, c => SslStreamCertificateContext.Create(c, null, offline: true)),
            EnabledSslProtocols = _options.Protocols,
            ClientCertificateRequired = false,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            // The evil peer never judges its client: a renegotiation asks for a certificate and none comes.
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        };
        try
        {
            await Stream.AuthenticateAsServerAsync(authentication, stopping);
        }
        catch (Exception) when (_transport.Fired)
        {
            Ended = _options.Fault; // the ServerHello went out and the cut unwound the handshake
            return;
        }
        catch (Exception e) when (e is AuthenticationException or IOException && !stopping.IsCancellationRequested)
        {
            Failure = e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
            _events.Failed(Failure);
            return;
        }
        _transport.HandshakeComplete = true;
        Established = true;
        _events.Handshake(Stream.SslProtocol.ToString(), Stream.NegotiatedCipherSuite.ToString(), _options.Certificate.ToString());
        if (_options.Fault == TlsFaultKind.ResetAfterHandshake)
        {
            _events.Fault(_options.Fault, 0);
            Ended = _options.Fault;
        }
        else if (_options.Fault == TlsFaultKind.Renegotiate) await RenegotiateAsync(stopping);
    }

    private async Task RenegotiateAsync(CancellationToken stopping)
    {
        _events.Fault(TlsFaultKind.Renegotiate, 0);
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsWindows() || OperatingSystem.IsFreeBSD()))
        {
            Failure = "renegotiation is not supported by SslStream on this OS";
            _events.Failed(Failure);
            return;
        }
        try
        {
            // On TLS 1.2 this sends a HelloRequest; the client renegotiates while it reads.
            await Stream.NegotiateClientCertificateAsync(stopping);
            _events.Renegotiated();
        }
        catch (Exception e) when (e is AuthenticationException or IOException or InvalidOperationException && !stopping.IsCancellationRequested)
        {
            Failure = $"renegotiation: {e.Message}";
            _events.Failed(Failure);
        }
    }
}
