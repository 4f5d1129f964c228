namespace ChaosFeatures.Specs.Runner;

/// <summary>A plain class injected into two binding classes: one instance per scenario.</summary>
public sealed class SharedState
{
    public string? Value { get; set; }
}
