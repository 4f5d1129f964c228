using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Echo;

namespace ChaosFeatures.EvilPeer.Tests.Forked;

/// <summary><c>evilpeer proxy</c>: the toxic proxy by hand, as a real process in front of a real upstream.</summary>
public sealed class HostProxyTests
{
    [Fact]
    public async Task A_proxy_started_by_hand_forwards_with_its_toxic_and_stops_on_stdin_EOF()
    {
        await using var upstream = await PeerHost.StartAsync(new PeerOptions("EP", new EchoBehaviour()));
        using var host = Process.Start(HostProcesses.Host("proxy", "--upstream", upstream.EndPoint.ToString(),
            "--toxic", "latency:latency=150,stream=downstream"))!;
        try
        {
            var firstLine = await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
            IPEndPoint.TryParse(firstLine ?? "", out var endpoint).Should().BeTrue($"the first line is host:port, got '{firstLine}'");

            using var client = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await client.ConnectAsync(endpoint!);
            var clock = Stopwatch.StartNew();
            await client.SendAsync("ping"u8.ToArray());
            var reply = new byte[4];
            var read = 0;
            while (read < reply.Length) read += await client.ReceiveAsync(reply.AsMemory(read)).AsTask().WaitAsync(TimeSpan.FromSeconds(10));

            reply.Should().Equal("ping"u8.ToArray());
            clock.ElapsedMilliseconds.Should().BeGreaterThanOrEqualTo(140, "the downstream latency toxic delays the echo");

            host.StandardInput.Close();
            await host.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
            host.ExitCode.Should().Be(0);
        }
        finally
        {
            if (!host.HasExited) { host.Kill(); await host.WaitForExitAsync(); }
        }
    }

    [Fact]
    public async Task A_proxy_started_by_hand_with_tls_terminates_it_and_its_fault_resets_the_handshake()
    {
        await using var upstream = await PeerHost.StartAsync(new PeerOptions("EP", new EchoBehaviour()));
        using var plain = Process.Start(HostProcesses.Host("proxy", "--upstream", upstream.EndPoint.ToString(), "--tls"))!;
        using var faulty = Process.Start(HostProcesses.Host("proxy", "--upstream", upstream.EndPoint.ToString(),
            "--tls", "--tls-fault", "stop-after-server-hello", "--tls-stop", "reset"))!;
        try
        {
            var (echo, _) = await TlsExchangeAsync(await EndPointOf(plain));
            var (_, error) = await TlsExchangeAsync(await EndPointOf(faulty));

            echo.Should().Equal("ping"u8.ToArray(), "the proxy decrypts, the echo peer answers in plain, the proxy encrypts");
            var reset = error?.InnerException as SocketException ?? error as SocketException;
            reset.Should().NotBeNull($"the handshake stops with an RST, got {error}");
            reset!.SocketErrorCode.Should().Be(SocketError.ConnectionReset);
        }
        finally
        {
            foreach (var host in new[] { plain, faulty })
                if (!host.HasExited) { host.Kill(); await host.WaitForExitAsync(); }
        }
    }

    /// <summary>The host makes its own test authority, so this client accepts any certificate: the proxy's TLS is what is tested.</summary>
    private static async Task<(byte[] Reply, Exception? Error)> TlsExchangeAsync(IPEndPoint endPoint)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endPoint, bound.Token);
            await using var ssl = new System.Net.Security.SslStream(new NetworkStream(socket), false, (_, _, _, _) => true);
            await ssl.AuthenticateAsClientAsync(new System.Net.Security.SslClientAuthenticationOptions { TargetHost = "localhost" }, bound.Token);
            await ssl.WriteAsync("ping"u8.ToArray(), bound.Token);
            var reply = new byte[4];
            await ssl.ReadExactlyAsync(reply, bound.Token);
            return (reply, null);
        }
        catch (Exception e) when (e is IOException or SocketException or System.Security.Authentication.AuthenticationException)
        {
            return ([], e);
        }
    }

    private static async Task<IPEndPoint> EndPointOf(Process host)
    {
        var firstLine = await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        IPEndPoint.TryParse(firstLine ?? "", out var endpoint).Should().BeTrue($"the first line is host:port, got '{firstLine}'");
        return endpoint!;
    }

    [Fact]
    public async Task A_bad_toxic_is_one_stderr_line_naming_the_field_and_exit_code_2()
    {
        var (exit, stdout, stderr) = await HostProcesses.RunAsync(
            HostProcesses.Host("proxy", "--upstream", "127.0.0.1:1", "--toxic", "latency:latency=-5"), null);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.TrimEnd().Split('\n').Should().ContainSingle().Which.Should().Contain("latency.latency: -5 is out of range");
    }

    [Theory]
    [InlineData(new[] { "proxy", "--upstream", "127.0.0.1:1", "--toxic", "lag" }, "'lag' is not a known toxic type (known: bandwidth, connect_close")]
    [InlineData(new[] { "proxy" }, "upstream: '' is not host:port")]
    [InlineData(new[] { "proxy", "--upstream" }, "--upstream: needs a value")]
    [InlineData(new[] { "proxy", "--upstream", "127.0.0.1:1", "--tls-fault", "explode" }, "tls.fault")]
    [InlineData(new[] { "proxy", "--upstream", "127.0.0.1:1", "--tls-handshake-delay", "-1" }, "tls.handshakeDelay: -1 is out of range 0..3600000 ms")]
    public async Task Bad_proxy_arguments_exit_2_saying_why(string[] args, string expected)
    {
        var (exit, _, stderr) = await HostProcesses.RunAsync(HostProcesses.Host(args), null);

        exit.Should().Be(2);
        stderr.Should().Contain(expected);
    }
}
