using System.Net;
using System.Net.Sockets;
using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Seeds;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Harness.Tests.Clients;

public sealed class ClientDriverTests
{
    public static TheoryData<string> Drivers => new() { "socket", "stream", "pipe" };

    private static readonly byte[] Payload = PayloadGenerator.Generate(7, 100_000);

    [Theory, MemberData(nameof(Drivers))]
    public async Task Downloads_intact(string driver)
    {
        await using var server = LoopbackServer.Serving(Payload);
        var result = await ClientDrivers.Get(driver).DownloadAsync(server.EndPoint, new DownloadRequest { ExpectedPayload = Payload }, default);
        result.Outcome.Should().Be(Outcome.Completed, result.Error);
        result.Received.Should().Equal(Payload);
        result.BytesReceived.Should().Be(Payload.Length);
    }

    [Theory, MemberData(nameof(Drivers))]
    public async Task Downloads_byte_by_byte_with_one_summary_event(string driver)
    {
        var payload = Payload[..300];
        await using var server = LoopbackServer.Serving(payload);
        var events = new RecordingChaosSink();
        var request = new DownloadRequest { ReadSize = 1, ExpectedPayload = payload, Actor = "C", Events = events };
        var result = await ClientDrivers.Get(driver).DownloadAsync(server.EndPoint, request, default);
        result.Outcome.Should().Be(Outcome.Completed, result.Error);
        events.Events.Select(e => e.Name).Should().Equal("connect", "reads", "outcome");
        events.Named("reads").Single().Describe().Should().Be("C reads count=300 bytes=300 min=1 max=1");
        events.Named("outcome").Single().Describe().Should().StartWith("C outcome outcome=completed recv=300 sent=0 ms=");
    }

    [Theory, MemberData(nameof(Drivers))]
    public async Task Uploads_intact_then_half_closes_and_drains(string driver)
    {
        var serverGot = new TaskCompletionSource<byte[]>();
        await using var server = new LoopbackServer(async (socket, ct) =>
        {
            var got = new MemoryStream();
            var buffer = new byte[4096];
            int n;
            while ((n = await socket.ReceiveAsync(buffer, SocketFlags.None, ct)) > 0) got.Write(buffer, 0, n);
            await socket.SendAsync("ok"u8.ToArray(), SocketFlags.None, ct);
            serverGot.SetResult(got.ToArray());
        });
        var result = await ClientDrivers.Get(driver).UploadAsync(server.EndPoint, new UploadRequest { Payload = Payload, WriteSize = 1000 }, default);
        result.Outcome.Should().Be(Outcome.Completed, result.Error);
        result.BytesSent.Should().Be(Payload.Length);
        result.Received.Should().Equal("ok"u8.ToArray());
        (await serverGot.Task.WaitAsync(TimeSpan.FromSeconds(10))).Should().Equal(Payload);
    }

    [Theory, MemberData(nameof(Drivers))]
    public async Task Classifies_a_reset(string driver)
    {
        await using var server = LoopbackServer.Serving(Payload[..1000], reset: true);
        var result = await ClientDrivers.Get(driver).DownloadAsync(server.EndPoint, new DownloadRequest { ExpectedPayload = Payload }, default);
        result.Outcome.Should().Be(Outcome.Reset, result.Error);
    }

    [Theory, MemberData(nameof(Drivers))]
    public async Task Classifies_an_early_eof(string driver)
    {
        await using var server = LoopbackServer.Serving(Payload[..100]);
        var result = await ClientDrivers.Get(driver).DownloadAsync(server.EndPoint, new DownloadRequest { ExpectedLength = 1000 }, default);
        result.Outcome.Should().Be(Outcome.Eof, result.Error);
        result.Received.Should().Equal(Payload[..100]);
    }

    [Theory, MemberData(nameof(Drivers))]
    public async Task Classifies_corruption(string driver)
    {
        var corrupted = Payload[..500];
        corrupted[250] ^= 0x10;
        await using var server = LoopbackServer.Serving(corrupted);
        var result = await ClientDrivers.Get(driver).DownloadAsync(server.EndPoint, new DownloadRequest { ExpectedPayload = Payload[..500] }, default);
        result.Outcome.Should().Be(Outcome.Corrupt);
    }

    [Theory, MemberData(nameof(Drivers))]
    public async Task Classifies_refused(string driver)
    {
        var result = await ClientDrivers.Get(driver).DownloadAsync(ClosedPort(), new DownloadRequest(), default);
        result.Outcome.Should().Be(Outcome.Refused, result.Error);
    }

    [Theory, MemberData(nameof(Drivers))]
    public async Task Classifies_our_timeout(string driver)
    {
        await using var server = LoopbackServer.Holding();
        var result = await ClientDrivers.Get(driver).DownloadAsync(server.EndPoint, new DownloadRequest { Timeout = TimeSpan.FromMilliseconds(200) }, default);
        result.Outcome.Should().Be(Outcome.Timeout, result.Error);
        result.Duration.Should().BeGreaterThan(TimeSpan.FromMilliseconds(150)).And.BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Theory, MemberData(nameof(Drivers))]
    public async Task Classifies_the_callers_cancellation(string driver)
    {
        await using var server = LoopbackServer.Holding();
        using var killer = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var result = await ClientDrivers.Get(driver).UploadAsync(server.EndPoint, new UploadRequest { Payload = new byte[64 << 20] }, killer.Token);
        result.Outcome.Should().Be(Outcome.Cancelled, result.Error);
        result.BytesSent.Should().BeLessThan(64 << 20, "the server never reads, so the send buffer fills");
    }

    [Fact]
    public void Unknown_driver_lists_the_known_ones() =>
        FluentActions.Invoking(() => ClientDrivers.Get("sokcet")).Should().Throw<ArgumentException>()
            .WithMessage("client driver 'sokcet' is unknown; known: http, http-retry, https, https-retry, pipe, socket, stream, tls*");

    [Fact]
    public void Bad_request_values_name_the_field() =>
        FluentActions.Invoking(() => new DownloadRequest { ReadSize = 0 }).Should().Throw<ArgumentException>()
            .WithMessage("DownloadRequest.ReadSize=0 is invalid; accepted: >= 1 (1 = byte by byte)");

    private static IPEndPoint ClosedPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)probe.LocalEndPoint!; // bound, never listening, then closed: connects are refused
    }
}
