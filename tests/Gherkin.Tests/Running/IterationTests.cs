using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Running;

namespace ChaosFeatures.Gherkin.Tests.Running;

[Collection(ReqnrollRuns.Name)]
public sealed class IterationTests : IDisposable
{
    private readonly SampleSuite _suite = new SampleSuite().Feature("iterations", "@driver\nFeature: Iterations\n  Scenario: third run fails\n    Given a step that fails on iteration 2\n");

    public void Dispose() => _suite.Dispose();

    [Fact]
    public async Task A_case_passes_only_if_every_iteration_passes_and_each_iteration_knows_its_number()
    {
        var suite = _suite.Load();
        var testCase = suite.TestCases.Single();
        await using var run = await SuiteRun.StartAsync(new SuiteRunOptions(typeof(IterationTests).Assembly, suite));

        var twice = await Iterations.RunAsync(run, testCase, 2, CancellationToken.None);
        var thrice = await Iterations.RunAsync(run, testCase, 3, CancellationToken.None);

        twice.Status.Should().Be(CaseStatus.Passed);
        twice.Output.Should().Contain("2 of 2 iterations ran");
        thrice.Status.Should().Be(CaseStatus.Failed);
        thrice.Message.Should().StartWith("Iteration 3 of 3 failed:").And.Contain("planted failure on iteration 2");
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(" 5 ", 5)]
    public void CHAOS_ITERATIONS_is_a_whole_number_of_runs(string? value, int expected) => Iterations.Parse(value).Should().Be(expected);

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    [InlineData("-2")]
    public void A_bad_CHAOS_ITERATIONS_is_one_line_naming_it(string value) =>
        ((Action)(() => Iterations.Parse(value))).Should().Throw<ConfigurationException>().WithMessage($"CHAOS_ITERATIONS='{value}' is invalid*");
}
