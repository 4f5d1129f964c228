using ChaosFeatures.EvilPeer.Toxics.Chain;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Toxics;

/// <summary>
/// What every toxic has (Toxiproxy's <c>name</c>, <c>stream</c>, <c>toxicity</c>); a subclass per
/// toxic type adds its typed attributes. Immutable: an update replaces the options.
/// </summary>
public abstract record ToxicOptions
{
    /// <summary>Unique per proxy; defaults to <c>&lt;type&gt;_&lt;stream&gt;</c>. Any non-empty text, as in Toxiproxy (its API allows spaces).</summary>
    public string? Name { get; init; }

    public const int MaxNameLength = 4096;

    public ToxicStream Stream { get; init; } = ToxicStream.Downstream;

    /// <summary>Probability (0..1) that the toxic acts on a given connection direction; drawn per connection.</summary>
    public double Toxicity { get; init; } = 1.0;

    /// <summary>Toxiproxy's type name, e.g. <c>latency</c>.</summary>
    public abstract string Type { get; }

    public string ResolvedName => Name ?? $"{Type}_{StreamName(Stream)}";

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every bad field with its allowed range.</summary>
    public void Validate()
    {
        var validator = new Validator($"{Type} toxic '{ResolvedName}'");
        CollectErrors(validator);
        validator.ThrowIfAny();
    }

    internal void CollectErrors(Validator validator)
    {
        validator.Range("toxicity", Toxicity, 0.0, 1.0);
        validator.Require(Enum.IsDefined(Stream), "stream", $"{(int)Stream} is not one of upstream, downstream");
        validator.Require(Name is null || Name.Length is > 0 and <= MaxNameLength, "name", $"must be 1..{MaxNameLength} characters");
        ValidateAttributes(validator);
    }

    public static string StreamName(ToxicStream stream) => stream == ToxicStream.Upstream ? "upstream" : "downstream";

    protected abstract void ValidateAttributes(Validator validator);

    /// <summary>The field name used in validation messages, e.g. <c>latency.jitter</c>.</summary>
    protected string Field(string attribute) => $"{Type}.{attribute}";

    /// <summary>A fresh toxic with its own state, for one direction of one connection.</summary>
    internal abstract Toxic CreateToxic();
}
