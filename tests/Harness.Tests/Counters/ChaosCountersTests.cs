using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Harness.Counters;

namespace ChaosFeatures.Harness.Tests.Counters;

public sealed class ChaosCountersTests
{
    private static TransferResult Result(Outcome outcome, long recv = 0, long sent = 0) => new(outcome, recv, sent, [], null, TimeSpan.Zero);

    [Fact]
    public void Reading_an_unknown_counter_lists_the_known_ones()
    {
        var counters = new ChaosCounters();
        FluentActions.Invoking(() => counters.Get("x")).Should().Throw<ArgumentException>().WithMessage("counter 'x' is unknown; known: none yet*");
        counters.Set("b", 2);
        counters.Register("a");
        FluentActions.Invoking(() => counters.Get("io_download_ok_X")).Should().Throw<ArgumentException>()
            .WithMessage("counter 'io_download_ok_X' is unknown; known: a, b*");
        counters.Get("a").Should().Be(0);
    }

    [Fact]
    public void A_transfer_registers_its_family_and_counts_by_outcome()
    {
        var counters = new ChaosCounters();
        counters.RecordDownload("C", Result(Outcome.Completed, recv: 256));
        counters.RecordDownload("C", Result(Outcome.Cancelled, recv: 10));
        counters.RecordDownload("C", Result(Outcome.Reset));
        counters.RecordUpload("C", Result(Outcome.Completed, sent: 100));
        counters.RegisterPeer("EP");

        counters.Get("io_download_attempts_C").Should().Be(3);
        counters.Get("io_download_ok_C").Should().Be(1);
        counters.Get("io_download_cancelled_C").Should().Be(1);
        counters.Get("io_download_failed_C").Should().Be(1);
        counters.Get("io_upload_failed_C").Should().Be(0);
        counters.Get("io_recv_bytes_C").Should().Be(266);
        counters.Get("io_sent_bytes_C").Should().Be(100);
        counters.Get("evil_peer_served_EP").Should().Be(0);
        counters.Get("evil_peer_read_bytes_EP").Should().Be(0);
    }

    [Fact]
    public void Increments_are_thread_safe()
    {
        var counters = new ChaosCounters();
        Parallel.For(0, 10_000, _ => counters.Increment(CounterNames.PeerReadBytes("EP"), 3));
        counters.Get("evil_peer_read_bytes_EP").Should().Be(30_000);
    }
}
