using ChaosFeatures.Gherkin.Running;

namespace ChaosFeatures.Gherkin.Tests.Running;

/// <summary>
/// A feature's culture reaches Reqnroll as a specific culture, as generated code-behind passes it: a Gherkin dialect
/// names a neutral one ("en"), and Reqnroll resolves a neutral culture by reloading the Gherkin dialect on every binding call.
/// </summary>
[Collection(ReqnrollRuns.Name)]
public sealed class CultureTests : IDisposable
{
    private readonly SampleSuite _suite = new SampleSuite()
        .Feature("english", """
            Feature: English by default
              Scenario: default language
                Then the feature's culture is "en-US" and so is the binding's
            """)
        .Feature("german", """
            # language: de
            Funktionalität: Deutsch
              Szenario: deutsch
                Dann die Kultur des Features ist "de-DE" und die der Bindung auch
            """);

    public void Dispose() => _suite.Dispose();

    [Fact]
    public async Task A_feature_runs_in_the_specific_culture_of_its_language()
    {
        var results = await _suite.RunAsync();

        results.Of("default language").Should().Match<CaseResult>(r => r.Status == CaseStatus.Passed, results.Of("default language").Message);
        results.Of("deutsch").Should().Match<CaseResult>(r => r.Status == CaseStatus.Passed, results.Of("deutsch").Message);
        results.RunProblems.Should().BeEmpty();
    }
}
