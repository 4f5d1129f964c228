using ChaosFeatures.EvilPeer.Randomness;

namespace ChaosFeatures.EvilPeer.Toxics.Chain;

/// <summary>Who a chain belongs to: everything a new stage needs to seed itself and reach its connection.</summary>
internal sealed record ChainIdentity(
    ulong ProxySeed,
    long ConnectionId,
    ToxicStream Stream,
    TimeProvider Time,
    IToxicHost Host,
    CancellationToken ConnectionClosed)
{
    public ulong SeedFor(string toxicName, string purpose) =>
        SeedMixer.ForToxic(ProxySeed, ConnectionId, (int)Stream, toxicName, purpose);
}
