using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.Control.Model;

/// <summary>What every proxy of one server shares: the seed its toxicity draws derive from, where its events go, its clock.</summary>
internal sealed record ProxyDefaults(ulong ServerSeed, IPeerEventSink? Events, bool ByteEvents, TimeProvider Time)
{
    /// <summary>Each proxy draws from its own seed, fixed by the server seed and its name, so one proxy's traffic never shifts another's draws.</summary>
    public ulong SeedFor(string proxyName) => new Seed(ServerSeed).For("proxy", proxyName).Value;
}
