using ChaosFeatures.Gherkin.Running;

namespace ChaosFeatures.Gherkin.Tests.Running;

/// <summary>Every way a case can end, as Reqnroll decides it and the bridge reports it: nothing unknown passes.</summary>
[Collection(ReqnrollRuns.Name)]
public sealed class OutcomeTests : IDisposable
{
    private const string Feature = """
        @driver
        Feature: Outcomes
          Scenario: passes
            Given a step that passes

          Scenario: fails
            Given a step that passes
            And a step that fails with "boom"
            And a step that passes

          Scenario: undefined
            Given a step nobody wrote with "text" and 42

          Scenario: pending
            Given a pending step

          Scenario: ambiguous
            Given an ambiguous step

          Scenario: skipped at run time
            Given a requirement that is missing
            And a step that records "ran after the skip"

          @ignore
          Scenario: ignored
            Given a step that records "ran although ignored"

          @fail_after
          Scenario: cleanup fails
            Given a step that passes

          Rule: with a background
            Background:
              Given a step that records "rule background"

            Scenario: under the rule
              Given a step that passes
        """;

    private readonly SampleSuite _suite = new SampleSuite().Feature("outcomes", Feature);

    public void Dispose() => _suite.Dispose();

    [Fact]
    public async Task Each_case_gets_the_outcome_reqnroll_gives_it_with_the_reason_in_words()
    {
        DriverSteps.Log.Clear();
        var results = await _suite.RunAsync();

        results.Of("passes").Status.Should().Be(CaseStatus.Passed);
        results.Of("fails").Should().Match<CaseResult>(r => r.Status == CaseStatus.Failed
            && r.Message!.StartsWith("Step failed: And a step that fails with \"boom\" (line 8)") && r.Message.Contains("InvalidOperationException: boom")
            && r.ErrorType == typeof(InvalidOperationException).FullName);
        results.Of("undefined").Should().Match<CaseResult>(r => r.Status == CaseStatus.Failed
            && r.Message!.Contains("No matching step definition found") && r.Message.Contains("[Given(\"a step nobody wrote with {string} and {int}\")]"));
        results.Of("pending").Should().Match<CaseResult>(r => r.Status == CaseStatus.Failed && r.Message!.Contains("not implemented yet"));
        results.Of("ambiguous").Should().Match<CaseResult>(r => r.Status == CaseStatus.Failed
            && r.Message!.Contains("Ambiguous step definitions found for step 'Given an ambiguous step'") && r.Message.Contains("AmbiguousOne") && r.Message.Contains("AmbiguousTwo"));
        results.Of("skipped at run time").Should().Match<CaseResult>(r => r.Status == CaseStatus.Skipped && r.SkipReason == "toxiproxy is not installed");
        results.Of("ignored").Should().Match<CaseResult>(r => r.Status == CaseStatus.Skipped && r.SkipReason == "Ignored with @ignore");
        results.Of("cleanup fails").Should().Match<CaseResult>(r => r.Status == CaseStatus.Failed
            && r.Message!.Contains("AfterScenario hook failed: InvalidOperationException: cleanup broke"));
        results.Of("under the rule").Status.Should().Be(CaseStatus.Passed);
        DriverSteps.Log.Should().Contain("rule background").And.NotContain(["ran after the skip", "ran although ignored"]);
        results.Of("passes").Output.Should().Contain("Given a step that passes", "Reqnroll's step trace is the case's output");
        results.RunProblems.Should().BeEmpty();
    }

    [Fact]
    public async Task Under_CHAOS_STRICT_a_run_time_skip_fails_but_ignore_still_skips()
    {
        Environment.SetEnvironmentVariable("CHAOS_STRICT", "1");
        try
        {
            var results = await _suite.RunAsync(c => c.ScenarioName is "skipped at run time" or "ignored");

            results.Of("skipped at run time").Should().Match<CaseResult>(r => r.Status == CaseStatus.Failed
                && r.Message!.Contains("Skipped in strict mode (CHAOS_STRICT=1): toxiproxy is not installed"));
            results.Of("ignored").Status.Should().Be(CaseStatus.Skipped);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CHAOS_STRICT", null);
        }
    }

    [Fact]
    public async Task A_failing_BeforeTestRun_fails_every_case_with_one_line()
    {
        Environment.SetEnvironmentVariable(DriverSteps.FailBeforeTestRunVariable, "1");
        try
        {
            var results = await _suite.RunAsync(c => c.ScenarioName is "passes" or "fails");

            results.Cases.Should().HaveCount(2).And.OnlyContain(c => c.Result.Status == CaseStatus.Failed
                && c.Result.Message == $"BeforeTestRun hook failed: InvalidOperationException: {DriverSteps.FailBeforeTestRunVariable}=1 says the run cannot start");
        }
        finally
        {
            Environment.SetEnvironmentVariable(DriverSteps.FailBeforeTestRunVariable, null);
        }
    }

    [Fact]
    public async Task A_failing_BeforeFeature_fails_the_cases_of_that_feature_only()
    {
        _suite.Feature("broken_start", "@fail_before_feature\nFeature: Broken start\n  Scenario: a\n    Given a step that passes\n  Scenario: b\n    Given a step that passes\n");

        var results = await _suite.RunAsync(c => c.ScenarioName is "a" or "b" or "passes");

        results.Of("a").Message.Should().Contain("BeforeFeature hook failed").And.Contain("the feature cannot start");
        results.Of("b").Status.Should().Be(CaseStatus.Failed);
        results.Of("passes").Status.Should().Be(CaseStatus.Passed);
    }
}
