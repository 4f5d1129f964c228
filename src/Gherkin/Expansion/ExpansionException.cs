namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>A scenario that cannot be expanded; becomes a <c>FeatureLoadError</c> at this line and column.</summary>
internal sealed class ExpansionException(int line, int column, string message) : Exception(message)
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}
