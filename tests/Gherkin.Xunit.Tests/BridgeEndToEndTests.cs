namespace ChaosFeatures.Gherkin.Xunit.Tests;

/// <summary>
/// The bridge as a user meets it: real <c>dotnet test</c> runs of a fixture suite, judged from
/// the listing and the TRX file that CI systems read.
/// </summary>
[Collection(BridgeFixtureCollection.Name)]
public sealed class BridgeEndToEndTests(BridgeFixtureSuite fixture)
{
    private const int GoodCases = 1 + 2 + 3 * 4; // a scenario, two outline rows, one-of(3) x any-of(2)

    [Fact]
    public async Task List_tests_shows_one_entry_per_row_and_combination()
    {
        var list = await DotnetCli.RunAsync(fixture.ProjectDirectory, BridgeFixtureSuite.Bound, "test", "--no-build", "--list-tests");

        var names = list.Output.Split('\n').Select(l => l.Trim()).ToList();
        names.Where(n => n.StartsWith("Good: ")).Should().HaveCount(GoodCases).And.OnlyHaveUniqueItems();
        names.Where(n => n.StartsWith("Good: crossed [")).Should().HaveCount(12);
        names.Should().Contain("Good: crossed [o1-a0.1: a step with 2; a step with 4 + a step with 5]", "a case's name says which rows it took");
        names.Should().Contain(n => n.StartsWith("Feature error: features/malformed.feature("));
        names.Should().Contain(["Rules: under the rule", "Rules: in the other rule"], "Rule: is Gherkin 35, so it runs");
    }

    [Fact]
    public async Task Every_outcome_is_reported_honestly_and_the_run_finishes()
    {
        var (run, results) = await fixture.TestAsync();

        run.ExitCode.Should().NotBe(0, "the fixture contains failing scenarios");
        results.Where(r => r.Name.StartsWith("Good: ")).Should().HaveCount(GoodCases).And.OnlyContain(r => r.Outcome == "Passed");

        Single(results, "Undefined: ").Should().Match<TrxResult>(r => r.Outcome == "Failed"
            && r.Message.Contains("No matching step definition found for the step")
            && r.Message.Contains("{string}") && r.Message.Contains("{int}"));
        Single(results, "Pending: ").Outcome.Should().Be("Failed");
        Single(results, "Ignored: ").Should().Match<TrxResult>(r => r.Outcome == "NotExecuted" && r.Message.Contains("@ignore"));
        Single(results, "Runtime skip: ").Should().Match<TrxResult>(r => r.Outcome == "NotExecuted" && r.Message.Contains("toxiproxy is not installed"));
        Single(results, "Blocking: blocks forever").Should().Match<TrxResult>(r => r.Outcome == "Failed"
            && r.Message.Contains("Scenario timed out after 2 s in step 'Given a step that blocks forever' (line 5)."));
        Single(results, "Blocking: the next scenario").Outcome.Should().Be("Passed", "a hung case does not take its feature down");
        Single(results, "Feature error: features/malformed.feature").Should().Match<TrxResult>(r => r.Outcome == "Failed" && r.Message.Contains("(9,3): expected:") && r.Message.Contains("got 'this line is not gherkin'"));
        results.Where(r => r.Name.StartsWith("Rules: ")).Should().HaveCount(2).And.OnlyContain(r => r.Outcome == "Passed");
    }

    [Theory]
    [InlineData("good", GoodCases)]
    [InlineData("pending", 1)]
    [InlineData("broken", 1)]
    [InlineData("transport", 1)]
    public async Task Filter_by_category_runs_exactly_the_tagged_cases(string tag, int expected)
    {
        var (_, results) = await fixture.TestAsync("--filter", $"Category={tag}");

        results.Should().HaveCount(expected);
    }

    [Fact]
    public async Task With_CHAOS_ITERATIONS_a_case_passes_only_if_every_iteration_passes()
    {
        var once = await fixture.TestAsync("--filter", "Category=iterations");
        var thrice = await fixture.TestAsync(new Dictionary<string, string> { ["CHAOS_ITERATIONS"] = "3" }, "--filter", "Category=iterations");

        once.Results.Should().ContainSingle().Which.Outcome.Should().Be("Passed");
        thrice.Results.Should().ContainSingle().Which.Should().Match<TrxResult>(r => r.Outcome == "Failed"
            && r.Message.Contains("Iteration 3 of 3 failed") && r.Message.Contains("planted failure on iteration 2"));
    }

    [Fact]
    public async Task A_bad_CHAOS_ITERATIONS_fails_every_case_with_one_line_naming_it()
    {
        var (_, results) = await fixture.TestAsync(new Dictionary<string, string> { ["CHAOS_ITERATIONS"] = "many" }, "--filter", "Category=good");

        results.Should().HaveCount(GoodCases).And.OnlyContain(r => r.Outcome == "Failed" && r.Message.Contains("CHAOS_ITERATIONS='many' is invalid") && !r.Message.Trim().Contains('\n'));
    }

    [Fact]
    public async Task A_bad_CHAOS_GEN_SEED_fails_the_run_under_a_Category_filter_too()
    {
        // The seed is read at discovery, before any case exists: the suite's error case carries every tag of the
        // features, so a filtered run fails with the reason instead of running nothing. transport is a rule's tag.
        var (_, results) = await fixture.TestAsync(new Dictionary<string, string> { ["CHAOS_GEN_SEED"] = "-1" }, "--filter", "Category=transport");

        results.Should().ContainSingle().Which.Should().Match<TrxResult>(r => r.Outcome == "Failed"
            && r.Name == "Feature error: suite" && r.Message.Contains("CHAOS_GEN_SEED='-1' is invalid"));
    }

    private static TrxResult Single(IReadOnlyList<TrxResult> results, string namePrefix) =>
        results.Should().ContainSingle(r => r.Name.StartsWith(namePrefix)).Subject;
}
