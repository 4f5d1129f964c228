using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.EvilPeer.Tls;

namespace ChaosFeatures.Benchmarks;

/// <summary>
/// A TLS handshake plus one byte: against a peer with TlsOptions (no fault) and against a plain
/// SslStream server with the same certificate, on fresh connections, interleaved.
/// </summary>
internal static class TlsHandshakeBench
{
    public static async Task<BenchRow[]> RunAsync(BenchSettings settings)
    {
        var certificate = TestCertificateAuthority.Shared.ServerCertificate(TlsCertificateKind.Trusted);
        await using Peer peer = await PeerHost.StartAsync(new PeerOptions("bench", new ServeBehaviour(new byte[1]), tls: new TlsOptions()));
        using var plain = new TcpListener(IPAddress.Loopback, 0);
        plain.Start();
        using var stop = new CancellationTokenSource();
        var context = SslStreamCertificateContext.Create(certificate, null, offline: true);
        Task server = ServePlainAsync(plain, context, stop.Token);
        var plainEndpoint = (IPEndPoint)plain.LocalEndpoint;
        try
        {
            for (int i = 0; i < 20; i++) { await HandshakeAsync(peer.EndPoint); await HandshakeAsync(plainEndpoint); } // warm-up
            var layer = new List<double>();
            var baseline = new List<double>();
            int runs = Math.Max(50, settings.ScenarioRuns * 2);
            for (int i = 0; i < runs; i++)
            {
                baseline.Add(await HandshakeAsync(plainEndpoint));
                layer.Add(await HandshakeAsync(peer.EndPoint));
            }
            double bm = RoundTripBench.Percentile(baseline, 50), lm = RoundTripBench.Percentile(layer, 50);
            double b99 = RoundTripBench.Percentile(baseline, 99), l99 = RoundTripBench.Percentile(layer, 99);
            return
            [
                new("TLS handshake via TLS layer, median", $"{bm:F0} us SslStream pair", $"{lm:F0} us", $"{lm / bm:F2}x", "(reported)", null),
                new("TLS handshake via TLS layer, p99", $"{b99:F0} us SslStream pair", $"{l99:F0} us", $"{l99 / b99:F2}x", "(reported)", null),
            ];
        }
        finally
        {
            stop.Cancel();
            plain.Stop();
            try { await server; } catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
        }
    }

    /// <returns>Microseconds from connect until the first byte after the handshake.</returns>
    private static async Task<double> HandshakeAsync(IPEndPoint endPoint)
    {
        long start = Stopwatch.GetTimestamp();
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endPoint);
        await using var ssl = new SslStream(new NetworkStream(socket, ownsSocket: false));
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = TestCertificateAuthority.HostName, CertificateChainPolicy = TestCertificateAuthority.Shared.TrustPolicy(),
        });
        if (await ssl.ReadAsync(new byte[1]) != 1) throw new InvalidOperationException($"no byte from {endPoint}");
        return Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    private static async Task ServePlainAsync(TcpListener listener, SslStreamCertificateContext context, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket = await listener.AcceptSocketAsync(stop);
            _ = Task.Run(async () =>
            {
                using (socket)
                await using (var ssl = new SslStream(new NetworkStream(socket, ownsSocket: false)))
                {
                    try
                    {
                        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificateContext = context }, stop);
                        await ssl.WriteAsync(new byte[1], stop);
                        await ssl.ShutdownAsync();
                        socket.Shutdown(SocketShutdown.Send);
                    }
                    catch (Exception e) when (e is IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException) { }
                }
            }, stop);
        }
    }
}
