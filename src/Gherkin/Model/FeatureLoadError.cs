namespace ChaosFeatures.Gherkin.Model;

/// <summary>
/// A feature file that could not be turned into test cases. The bridge reports each one as a
/// failing test so that a broken file never becomes a silently missing scenario.
/// </summary>
/// <param name="FeaturePath">Repo-relative path with forward slashes.</param>
/// <param name="Line">1-based line (0 when the whole file is at fault, e.g. unreadable).</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
public sealed record FeatureLoadError(string FeaturePath, int Line, int Column, string Message)
{
    public override string ToString() => $"{FeaturePath}({Line},{Column}): {Message}";
}
