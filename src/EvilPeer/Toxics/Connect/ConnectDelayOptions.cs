using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Toxics.Connect;

/// <summary>
/// A slow accept: each new connection (with probability <see cref="ToxicOptions.Toxicity"/>) waits
/// <see cref="Delay"/> ms before the upstream is dialed. The client's connect succeeds at once (the
/// kernel completes the handshake); what it sends waits unread, and nothing comes back meanwhile.
/// Removing the toxic ends the waits.
/// </summary>
public sealed record ConnectDelayOptions : ConnectToxicOptions
{
    public const string TypeName = "connect_delay";

    /// <summary>Milliseconds, 0..3600000. Default 1000.</summary>
    public long Delay { get; init; } = 1000;

    public override string Type => TypeName;

    public override bool ActsOnListener => false;

    protected override void ValidateConnectAttributes(Validator validator) =>
        validator.Range(Field("delay"), Delay, 0, 3_600_000, "ms");
}
