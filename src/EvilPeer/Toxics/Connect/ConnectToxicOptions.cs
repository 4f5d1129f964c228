using ChaosFeatures.EvilPeer.Toxics.Chain;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Toxics.Connect;

/// <summary>
/// Beyond Toxiproxy: a fault of the connect phase, before any byte flows (Toxiproxy's users ask for
/// these in #72, #123, #410). It acts on the proxy's listener or on each new connection before the
/// upstream is dialed, never on a byte stream, so <see cref="ToxicOptions.Stream"/> only names it.
/// Connections already pumping are not touched.
/// </summary>
public abstract record ConnectToxicOptions : ToxicOptions
{
    /// <summary>True when the toxic acts on the listener, where a per-connection toxicity means nothing.</summary>
    public abstract bool ActsOnListener { get; }

    protected override void ValidateAttributes(Validator validator)
    {
        if (ActsOnListener)
            validator.Require(Toxicity == 1.0, "toxicity", $"{Toxicity} is not allowed: {Type} acts on the listener, not per connection, so it must be 1");
        ValidateConnectAttributes(validator);
    }

    protected virtual void ValidateConnectAttributes(Validator validator) { }

    internal override Toxic CreateToxic() =>
        throw new InvalidOperationException($"{Type} acts before the byte stream and never joins a chain");
}
