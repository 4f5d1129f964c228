using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.EvilClients.Hold;

/// <summary>
/// Connect and say nothing: a connection flood without handshakes when run on many lanes. Each
/// connection is held silent (still reading, so a server that closes idle connections is seen
/// doing it) for <see cref="HoldMs"/>, then closed by us.
/// </summary>
public sealed record HoldBehaviour : EvilClientBehaviour
{
    /// <param name="holdMs">How long to hold each connection, 1..600000 ms.</param>
    public HoldBehaviour(int holdMs)
    {
        new Validator("hold behaviour").Range("hold.hold", holdMs, 1, EvilClientOptions.MaxDurationLimitMs, "ms").ThrowIfAny();
        HoldMs = holdMs;
    }

    public int HoldMs { get; }

    public override string Mode => "hold";

    internal override Task RunAsync(ClientConnection connection, ClientRun run) => connection.HoldAsync(HoldMs);
}
