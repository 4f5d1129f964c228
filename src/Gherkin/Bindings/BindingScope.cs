using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Bindings;

/// <summary>One <c>[Scope]</c>: every condition given must hold. Specificity = number of conditions.</summary>
internal sealed record BindingScope(string? Tag, string? Feature, string? Scenario)
{
    public int Specificity => (Tag is null ? 0 : 1) + (Feature is null ? 0 : 1) + (Scenario is null ? 0 : 1);

    public static BindingScope From(ScopeAttribute scope) => new(TagName.Normalize(scope.Tag), scope.Feature, scope.Scenario);

    public bool Matches(TestCase testCase) =>
        (Tag is null || testCase.Tags.Contains(Tag, StringComparer.Ordinal))
        && (Feature is null || Feature == testCase.Feature.Title)
        && (Scenario is null || Scenario == testCase.ScenarioName);

    /// <summary>Best specificity among <paramref name="scopes"/> that match, 0 when unscoped, -1 when none match.</summary>
    public static int Match(IReadOnlyList<BindingScope> scopes, TestCase testCase)
    {
        if (scopes.Count == 0)
            return 0;
        var best = -1;
        foreach (var scope in scopes)
        {
            if (scope.Matches(testCase))
                best = Math.Max(best, scope.Specificity);
        }
        return best;
    }
}
