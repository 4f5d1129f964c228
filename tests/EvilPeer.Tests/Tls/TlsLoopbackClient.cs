using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using ChaosFeatures.EvilPeer.Tls;

namespace ChaosFeatures.EvilPeer.Tests.Tls;

/// <summary>What a real SslStream client saw: whether its handshake completed, what it read, and how it ended.</summary>
internal sealed record TlsClientResult(bool HandshakeCompleted, byte[] Received, Exception? Error, TimeSpan Elapsed, SslProtocols Protocol)
{
    public bool EndedWithEof => Error is null;

    /// <summary>The socket error under the exception, if any (SslStream wraps it in an IOException).</summary>
    public SocketError? SocketError
    {
        get
        {
            for (Exception? e = Error; e is not null; e = e.InnerException)
                if (e is SocketException s) return s.SocketErrorCode;
            return null;
        }
    }
}

/// <summary>A plain SslStream client that trusts the test authority's root, every wait bounded.</summary>
internal static class TlsLoopbackClient
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static async Task<TlsClientResult> DownloadAsync(IPEndPoint endPoint, string targetHost = TestCertificateAuthority.HostName,
        SslProtocols protocols = SslProtocols.None, bool allowRenegotiation = true, TimeSpan? bound = null)
    {
        using var cts = new CancellationTokenSource(bound ?? Bound);
        var clock = Stopwatch.StartNew();
        var received = new MemoryStream();
        bool handshake = false;
        SslProtocols protocol = SslProtocols.None;
        using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cts.Token);
            await using var ssl = new SslStream(new NetworkStream(socket, ownsSocket: false));
            await ssl.AuthenticateAsClientAsync(Options(targetHost, protocols, allowRenegotiation), cts.Token);
            handshake = true;
            protocol = ssl.SslProtocol;
            var buffer = new byte[16 * 1024];
            int n;
            while ((n = await ssl.ReadAsync(buffer, cts.Token)) > 0) received.Write(buffer, 0, n);
            return new TlsClientResult(true, received.ToArray(), null, clock.Elapsed, protocol);
        }
        catch (Exception e)
        {
            return new TlsClientResult(handshake, received.ToArray(), e, clock.Elapsed, protocol);
        }
    }

    public static SslClientAuthenticationOptions Options(string targetHost, SslProtocols protocols = SslProtocols.None, bool allowRenegotiation = true) => new()
    {
        TargetHost = targetHost,
        EnabledSslProtocols = protocols,
        AllowRenegotiation = allowRenegotiation,
        CertificateChainPolicy = TestCertificateAuthority.Shared.TrustPolicy(),
    };
}
