using ChaosFeatures.Control.Api;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.Control.Toxics;

/// <summary>
/// A toxic type as the API sees it: Toxiproxy's name, Go struct (for its error messages) and
/// attributes with their zero-value defaults, and how its attribute values become EvilPeer toxic
/// options. The API echoes what was sent (Toxiproxy keeps negative values and toxicity 2.5); the
/// options get the same effect within EvilPeer's ranges (a negative delay is no delay).
/// </summary>
internal sealed class ToxicType(string name, string goStruct, AttributeSpec[] attributes, Func<AttributeValues, ToxicOptions?> build)
{
    public string Name { get; } = name;

    public string GoStruct { get; } = goStruct;

    public IReadOnlyList<AttributeSpec> Attributes { get; } = attributes;

    public IReadOnlyList<Json.GoField> Fields { get; } = [.. attributes.Select(a => a.Field)];

    public object[] Defaults() => [.. Attributes.Select(a => a.Default)];

    /// <summary>The EvilPeer options for these values (null for <c>noop</c>, which does nothing).</summary>
    /// <exception cref="ApiError">400: a value Toxiproxy would crash on, or one of our own toxics' values out of range.</exception>
    public ToxicOptions? Build(string toxicName, ToxicStream stream, float toxicity, object[] values)
    {
        try
        {
            ToxicOptions? options = build(new AttributeValues(this, values));
            if (options is null) return null;
            options = options with { Name = toxicName, Stream = stream, Toxicity = Math.Clamp((double)toxicity, 0.0, 1.0) };
            options.Validate();
            return options;
        }
        catch (OptionsValidationException e)
        {
            throw new ApiError(400, string.Join("; ", e.Errors));
        }
    }
}
