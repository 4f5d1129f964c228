using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Bandwidth;
using ChaosFeatures.EvilPeer.Toxics.Latency;
using ChaosFeatures.EvilPeer.Toxics.Slicer;
using ChaosFeatures.EvilPeer.Toxics.Timeout;

namespace ChaosFeatures.EvilPeer.Tests.Toxics.VirtualTime;

/// <summary>The toxics' logical timing on virtual time: exact due times and release times, no wall clock, no bounds for load.</summary>
public sealed class VirtualTimeToxicTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public async Task Stacked_latencies_add_up_on_the_due_time_and_never_hold_the_reader()
    {
        using var chain = new VirtualChain(new LatencyOptions { Name = "a", Latency = 100 }, new LatencyOptions { Name = "b", Latency = 50 });
        chain.Time.Advance(Ms(7));

        await chain.PushAsync(10);

        chain.Chunks.Should().Equal(new VirtualChain.Sent(10, DueAt: Ms(157), LeftAt: Ms(7)));
    }

    [Fact]
    public async Task Bandwidth_releases_each_10_ms_slice_when_its_last_byte_would_have_left_the_link()
    {
        // 500 KB/s: 5,000-byte slices, one every 10 ms; 150,000 bytes take exactly 300 ms.
        using var chain = new VirtualChain(new BandwidthOptions { Rate = 500 });
        Task push = chain.PushAsync(150_000);

        for (int slice = 1; slice <= 30; slice++)
        {
            chain.Time.Advance(Ms(9));
            chain.Chunks.Should().HaveCount(slice - 1, "slice {0} is not due before {1} ms", slice, slice * 10);
            chain.Time.Advance(Ms(1));
            (await chain.ArrivalsAsync(1)).Should().BeTrue("slice {0} is due at {1} ms", slice, slice * 10);
        }
        await push.WaitAsync(TimeSpan.FromSeconds(5));

        chain.Chunks.Should().Equal(Enumerable.Range(1, 30).Select(i => new VirtualChain.Sent(5_000, Ms(i * 10), Ms(i * 10))));
        chain.Elapsed.Should().Be(Ms(300));
    }

    [Fact]
    public async Task Bandwidth_does_not_carry_idle_time_over_to_a_later_chunk()
    {
        using var chain = new VirtualChain(new BandwidthOptions { Rate = 100 }); // 1,000-byte slices, 10 ms each
        Task first = chain.PushAsync(1_000);
        chain.Time.Advance(Ms(10));
        await first.WaitAsync(TimeSpan.FromSeconds(5));

        chain.Time.Advance(Ms(500)); // the link idles
        Task second = chain.PushAsync(1_000);
        chain.Time.Advance(Ms(10));
        await second.WaitAsync(TimeSpan.FromSeconds(5));

        chain.Chunks.Select(c => c.LeftAt).Should().Equal(Ms(10), Ms(520));
    }

    [Fact]
    public async Task Slicer_spaces_its_slices_by_the_delay_in_due_time_and_the_next_chunk_follows_the_last_slice()
    {
        // Delay is in microseconds (Toxiproxy's unit): 5,000 = 5 ms between slices of exactly 100 bytes.
        using var chain = new VirtualChain(new SlicerOptions { AverageSize = 100, SizeVariation = 0, Delay = 5_000 });

        await chain.PushAsync(400);
        await chain.PushAsync(100);

        chain.Chunks.Should().Equal(
            new VirtualChain.Sent(100, Ms(0), Ms(0)), new VirtualChain.Sent(100, Ms(5), Ms(0)),
            new VirtualChain.Sent(100, Ms(10), Ms(0)), new VirtualChain.Sent(100, Ms(15), Ms(0)),
            new VirtualChain.Sent(100, Ms(15), Ms(0)));
    }

    [Fact]
    public async Task Timeout_drops_the_data_and_closes_the_connection_exactly_when_it_elapses()
    {
        using var chain = new VirtualChain(new TimeoutOptions { Timeout = 200 });
        await chain.PushAsync(10);

        chain.Time.Advance(Ms(199));
        chain.Closes.Should().BeEmpty("the timeout has 1 ms to go");
        chain.Time.Advance(Ms(1));

        chain.Closes.Should().Equal(("timeout_downstream: timeout elapsed", Ms(200)));
        chain.Chunks.Should().BeEmpty("a timeout toxic drops what it reads");
    }
}
