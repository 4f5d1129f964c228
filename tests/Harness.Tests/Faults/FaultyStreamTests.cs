using System.Net.Sockets;
using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Harness.Faults;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Harness.Tests.Faults;

public sealed class FaultyStreamTests
{
    private static readonly byte[] Data = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
    private readonly RecordingChaosSink _events = new();

    private FaultyStream Over(FaultMode mode) => new(new MemoryStream(Data.ToArray()), mode, _events, "F");

    [Fact]
    public void Healthy_passes_everything_through()
    {
        using var stream = Over(FaultMode.Healthy);
        var buffer = new byte[200];
        stream.Read(buffer).Should().Be(100);
        _events.Events.Should().BeEmpty();
    }

    [Fact]
    public async Task Fail_every_nth_fails_exactly_the_nth_operations()
    {
        await using var stream = Over(FaultMode.FailEveryNth(3));
        var buffer = new byte[10];
        (await stream.ReadAsync(buffer)).Should().Be(10);
        (await stream.ReadAsync(buffer)).Should().Be(10);
        await FluentActions.Awaiting(() => stream.ReadAsync(buffer).AsTask()).Should().ThrowAsync<IOException>().WithMessage("*read #3*");
        (await stream.ReadAsync(buffer)).Should().Be(10);
        _events.Named("fail_every_nth").Should().ContainSingle();
    }

    [Fact]
    public void Fail_after_n_lets_n_bytes_through_then_fails()
    {
        using var stream = Over(FaultMode.FailAfterN(12));
        var buffer = new byte[8];
        stream.Read(buffer).Should().Be(8);
        stream.Read(buffer).Should().Be(4);
        FluentActions.Invoking(() => stream.Read(buffer)).Should().Throw<IOException>().WithMessage("*after 12 bytes");

        using var writes = new FaultyStream(new MemoryStream(), FaultMode.FailAfterN(5));
        FluentActions.Invoking(() => writes.Write(Data, 0, 8)).Should().Throw<IOException>().WithMessage("*write cut after 5 bytes");
    }

    [Fact]
    public void Fail_after_n_counts_the_bytes_reads_returned_not_the_bytes_they_asked_for()
    {
        using var stream = new FaultyStream(Over(FaultMode.PartialRead(5)), FaultMode.FailAfterN(12));
        var buffer = new byte[64];
        var got = new List<int> { stream.Read(buffer), stream.Read(buffer), stream.Read(buffer) };
        got.Should().Equal(5, 5, 2);
        FluentActions.Invoking(() => stream.Read(buffer)).Should().Throw<IOException>().WithMessage("*after 12 bytes");
    }

    [Fact]
    public async Task Timeout_hangs_then_throws_and_honours_cancellation()
    {
        await using var stream = Over(FaultMode.Timeout(150));
        var started = DateTime.UtcNow;
        await FluentActions.Awaiting(() => stream.ReadAsync(new byte[4]).AsTask()).Should().ThrowAsync<TimeoutException>();
        (DateTime.UtcNow - started).Should().BeGreaterThan(TimeSpan.FromMilliseconds(100));

        await using var slow = Over(FaultMode.Timeout(60_000));
        using var cancel = new CancellationTokenSource(50);
        await FluentActions.Awaiting(() => slow.WriteAsync(new byte[4], cancel.Token).AsTask()).Should().ThrowAsync<OperationCanceledException>()
            .Where(_ => DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Partial_read_caps_each_read()
    {
        using var stream = Over(FaultMode.PartialRead(3));
        stream.Read(new byte[10]).Should().Be(3);
        stream.Read(new byte[2]).Should().Be(2);
        _events.Named("partial_read").Should().ContainSingle();
    }

    [Theory]
    [InlineData(FaultErrorKind.ConnectionReset, Outcome.Reset)]
    [InlineData(FaultErrorKind.ConnectionAborted, Outcome.Reset)]
    [InlineData(FaultErrorKind.BrokenPipe, Outcome.Reset)]
    [InlineData(FaultErrorKind.TimedOut, Outcome.Timeout)]
    [InlineData(FaultErrorKind.Io, Outcome.Error)]
    public void Return_error_throws_the_real_shape_the_classifier_understands(FaultErrorKind kind, Outcome outcome)
    {
        using var stream = Over(FaultMode.ReturnError(kind));
        var error = FluentActions.Invoking(() => stream.Read(new byte[4])).Should().Throw<Exception>().Which;
        OutcomeClassifier.FromException(error, cancelledByCaller: false, timedOut: false).Should().Be(outcome);
        if (kind == FaultErrorKind.ConnectionReset)
            error.InnerException.Should().BeOfType<SocketException>().Which.SocketErrorCode.Should().Be(SocketError.ConnectionReset);
    }

    [Fact]
    public void Corrupt_at_an_offset_flips_that_byte_only_in_reads_and_writes()
    {
        using var stream = Over(FaultMode.Corrupt(offset: 42));
        var got = new byte[100];
        stream.ReadExactly(got.AsSpan(0, 40));
        stream.ReadExactly(got.AsSpan(40, 60));
        Enumerable.Range(0, 100).Where(i => got[i] != Data[i]).Should().Equal(42);

        var sink = new MemoryStream();
        using var writes = new FaultyStream(sink, FaultMode.Corrupt(offset: 0), leaveOpen: true);
        var source = Data.ToArray();
        writes.Write(source);
        source.Should().Equal(Data, "the caller's buffer is never modified");
        sink.ToArray()[0].Should().NotBe(Data[0]);
        sink.ToArray()[1..].Should().Equal(Data[1..]);
    }

    [Fact]
    public void Corrupt_at_a_rate_is_deterministic_per_seed()
    {
        byte[] ReadAll(ulong seed)
        {
            using var stream = new FaultyStream(new MemoryStream(Data.ToArray()), FaultMode.Corrupt(0.1, seed));
            var got = new byte[100];
            stream.ReadExactly(got);
            return got;
        }
        ReadAll(1).Should().Equal(ReadAll(1)).And.NotEqual(Data);
        ReadAll(1).Should().NotEqual(ReadAll(2));
        new FaultyStream(new MemoryStream(Data.ToArray()), FaultMode.Corrupt(1.0, 5)).Read(new byte[100]).Should().Be(100);
    }

    [Theory]
    [InlineData("nth")]
    [InlineData("rate")]
    [InlineData("timeout")]
    public void Bad_modes_are_rejected_at_construction_naming_the_parameter(string which)
    {
        Action act = which switch
        {
            "nth" => () => FaultMode.FailEveryNth(0),
            "rate" => () => FaultMode.Corrupt(1.5, 1),
            _ => () => FaultMode.Timeout(-1),
        };
        var message = act.Should().Throw<ArgumentException>().Which.Message;
        message.Should().MatchRegex(@"^(FailEveryNth\.n=0|Corrupt\.rate=1\.5|Timeout\.ms=-1) is invalid; accepted: .+$");
    }
}
