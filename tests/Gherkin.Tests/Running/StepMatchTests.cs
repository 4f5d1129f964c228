using ChaosFeatures.Gherkin.Running;

namespace ChaosFeatures.Gherkin.Tests.Running;

/// <summary>
/// The bridge remembers each step text's match for the run (Reqnroll matches every step against every binding each
/// time): what the match depends on beyond the text, a binding's scope and the step's doc string, is never lost.
/// </summary>
[Collection(ReqnrollRuns.Name)]
public sealed class StepMatchTests : IDisposable
{
    private readonly SampleSuite _suite = new SampleSuite()
        .Feature("scoped", """
            Feature: Scoped bindings
              @left
              Scenario: left
                Then the binding scoped to the scenario's tag runs

              @right
              Scenario: right
                Then the binding scoped to the scenario's tag runs
            """)
        .Feature("doc strings", """
            Feature: Doc strings
              Scenario: two notes
                Given the note:
                  ```
                  one
                  ```
                And the note:
                  ```
                  two
                  ```
                Then the notes are "one, two"
            """);

    public void Dispose() => _suite.Dispose();

    [Fact]
    public async Task The_same_text_runs_the_binding_of_each_scenarios_scope()
    {
        var results = await _suite.RunAsync(c => c.Feature.Title == "Scoped bindings");

        foreach (var name in new[] { "left", "right" })
            results.Of(name).Should().Match<CaseResult>(r => r.Status == CaseStatus.Passed, results.Of(name).Message);
    }

    [Fact]
    public async Task The_same_text_gets_each_steps_own_doc_string()
    {
        var results = await _suite.RunAsync(c => c.Feature.Title == "Doc strings");

        results.Of("two notes").Should().Match<CaseResult>(r => r.Status == CaseStatus.Passed, results.Of("two notes").Message);
    }
}
