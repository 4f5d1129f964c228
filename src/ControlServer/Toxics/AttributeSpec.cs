using ChaosFeatures.Control.Json;

namespace ChaosFeatures.Control.Toxics;

/// <summary>One attribute of a toxic type: its JSON name, Go type, and the value it has when not sent.</summary>
internal sealed record AttributeSpec(string Name, GoKind Kind, object Default)
{
    public GoField Field { get; } = new(Name, Kind);
}
