using ChaosFeatures.Seeds;

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
    public ulong SeedFor(string toxicName, string purpose) => For(ProxySeed, ConnectionId, Stream, toxicName, purpose);

    /// <summary>
    /// The seed of one toxic's generator on one connection direction: its own stream, so one toxic's draws never
    /// shift another's. The connect phase draws toxicity before a chain exists, hence the static form.
    /// </summary>
    public static ulong For(ulong proxySeed, long connectionId, ToxicStream stream, string toxicName, string purpose) =>
        new Seed(proxySeed).For((ulong)connectionId).For((ulong)stream).For(toxicName, purpose).Value;
}
