using System.Net;
using ChaosFeatures.EvilPeer.EvilClients;

namespace ChaosFeatures.Harness.ServersUnderTest;

/// <summary>
/// A scenario's evil client before it attacks: its behaviour (validated when it was built) and the knobs Given
/// steps turn. The step that starts it gives the target and the seed to use when no step pinned one.
/// </summary>
public sealed class EvilClientSpec(string name, EvilClientBehaviour behaviour, int connections = 1)
{
    public string Name => name;
    public EvilClientBehaviour Behaviour => behaviour;
    public int Connections { get; set; } = connections;
    public ulong? Seed { get; set; }
    public int ConnectTimeoutMs { get; set; } = EvilClientOptions.DefaultConnectTimeoutMs;
    public int MaxDurationMs { get; set; } = EvilClientOptions.DefaultMaxDurationMs;
    public bool HardClose { get; set; }
    public bool Forked { get; set; }

    /// <exception cref="EvilPeer.Validation.OptionsValidationException">A value out of range; one line naming the field.</exception>
    public EvilClientOptions ToOptions(IPEndPoint target, ulong defaultSeed) =>
        new(name, target, behaviour, Connections, Seed ?? defaultSeed, ConnectTimeoutMs, MaxDurationMs, HardClose);
}
