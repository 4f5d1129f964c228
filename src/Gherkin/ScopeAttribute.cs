namespace ChaosFeatures.Gherkin;

/// <summary>
/// Restricts bindings to cases with a tag, a feature title and/or a scenario title (all given
/// conditions must hold). Several scopes on one target are alternatives; method scopes replace
/// class scopes.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class ScopeAttribute : Attribute
{
    public string? Tag { get; set; }

    public string? Feature { get; set; }

    public string? Scenario { get; set; }
}
