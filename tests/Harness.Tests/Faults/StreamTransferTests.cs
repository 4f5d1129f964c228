using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Harness.Faults;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Harness.Tests.Faults;

public sealed class StreamTransferTests
{
    private static readonly byte[] Payload = Enumerable.Range(0, 256).Select(i => (byte)(i * 7)).ToArray();
    private readonly RecordingChaosSink _events = new();

    private Task<TransferResult> Read(FaultMode mode, int readSize = 8192, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var stream = new FaultyStream(new MemoryStream(Payload), mode, _events, "S");
        var request = new DownloadRequest
        {
            Actor = "C", ReadSize = readSize, ExpectedPayload = Payload, Events = _events, Timeout = timeout ?? TimeSpan.FromSeconds(10),
        };
        return StreamTransfer.ReadToEndAsync(stream, request, cancellationToken);
    }

    [Theory]
    [InlineData(8192)]
    [InlineData(7)]
    [InlineData(1)]
    public async Task Short_reads_still_deliver_everything(int readSize)
    {
        var result = await Read(FaultMode.PartialRead(3), readSize);

        result.Outcome.Should().Be(Outcome.Completed);
        result.Received.Should().Equal(Payload);
        _events.Named("outcome").Single().Describe().Should().Contain("outcome=completed recv=256");
    }

    [Fact]
    public async Task Failing_after_n_bytes_keeps_a_clean_prefix_and_ends_in_error()
    {
        var result = await Read(FaultMode.FailAfterN(100), readSize: 64);

        result.Outcome.Should().Be(Outcome.Error);
        result.Received.Should().Equal(Payload[..100]);
        result.Error.Should().Be("IOException: injected fault: read after 100 bytes");
    }

    [Fact]
    public async Task Failing_every_second_operation_fails_even_the_end_of_stream_read()
    {
        var result = await Read(FaultMode.FailEveryNth(2));

        result.Outcome.Should().Be(Outcome.Error);
        result.Received.Should().Equal(Payload, "the first read got everything; the second, which would have seen the end, failed");
    }

    [Theory]
    [InlineData(FaultErrorKind.ConnectionReset, Outcome.Reset)]
    [InlineData(FaultErrorKind.TimedOut, Outcome.Timeout)]
    [InlineData(FaultErrorKind.Io, Outcome.Error)]
    public async Task Returned_errors_mean_what_they_mean_for_sockets(FaultErrorKind kind, Outcome outcome)
    {
        var result = await Read(FaultMode.ReturnError(kind));

        result.Outcome.Should().Be(outcome);
        result.BytesReceived.Should().Be(0);
    }

    [Fact]
    public async Task A_flipped_bit_is_corrupt_at_full_length()
    {
        var result = await Read(FaultMode.Corrupt(offset: 200), readSize: 16);

        result.Outcome.Should().Be(Outcome.Corrupt);
        result.BytesReceived.Should().Be(256);
        result.Received[200].Should().NotBe(Payload[200]);
    }

    [Fact]
    public async Task A_hanging_stream_times_out_by_its_own_fault_or_by_the_request_timeout()
    {
        (await Read(FaultMode.Timeout(20))).Outcome.Should().Be(Outcome.Timeout);

        var cut = await Read(FaultMode.Timeout(60_000), timeout: TimeSpan.FromMilliseconds(50));
        cut.Outcome.Should().Be(Outcome.Timeout);
        cut.Duration.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_callers_cancel_is_cancelled()
    {
        using var cancel = new CancellationTokenSource(50);

        var result = await Read(FaultMode.Timeout(60_000), cancellationToken: cancel.Token);

        result.Outcome.Should().Be(Outcome.Cancelled);
        result.Duration.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }
}
