using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Chain;

namespace ChaosFeatures.EvilPeer.Tests.Toxics;

/// <summary>Lives beside the toxics it seeds: each toxic on each connection direction draws from its own stream.</summary>
public sealed class ToxicSeedTests
{
    [Fact]
    public void Toxic_seeds_differ_by_proxy_seed_connection_stream_name_and_purpose()
    {
        ulong baseline = ChainIdentity.For(1, 1, ToxicStream.Downstream, "latency_downstream", "toxicity");

        new[]
        {
            ChainIdentity.For(1, 2, ToxicStream.Downstream, "latency_downstream", "toxicity"),
            ChainIdentity.For(1, 1, ToxicStream.Upstream, "latency_downstream", "toxicity"),
            ChainIdentity.For(1, 1, ToxicStream.Downstream, "latency_upstream", "toxicity"),
            ChainIdentity.For(1, 1, ToxicStream.Downstream, "latency_downstream", "effect"),
            ChainIdentity.For(2, 1, ToxicStream.Downstream, "latency_downstream", "toxicity"),
        }.Should().NotContain(baseline).And.OnlyHaveUniqueItems();
        ChainIdentity.For(1, 1, ToxicStream.Downstream, "latency_downstream", "toxicity").Should().Be(baseline);
    }
}
