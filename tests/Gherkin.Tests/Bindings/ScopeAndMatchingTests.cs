using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Tests.Execution;

namespace ChaosFeatures.Gherkin.Tests.Bindings;

public class ScopeAndMatchingTests
{
    [Binding]
    public class Unscoped(IReqnrollOutputHelper output)
    {
        [Given("the shared step")]
        public void Shared() => output.WriteLine("unscoped");

        [When("only a when")]
        public void OnlyWhen() => output.WriteLine("when");

        [StepDefinition("any keyword")]
        public void Any() => output.WriteLine("any");

        [Given("the class-scoped step")]
        public void ClassScopedFallback() => output.WriteLine("unscoped");
    }

    [Binding]
    [Scope(Tag = "fast")]
    public class ScopedByTag(IReqnrollOutputHelper output)
    {
        [Given("the shared step")]
        public void Shared() => output.WriteLine("tag");

        [Given("the class-scoped step")]
        [Scope(Scenario = "method scope")]
        public void MethodScopeReplacesClassScope() => output.WriteLine("method");
    }

    [Binding]
    public class ScopedTwice(IReqnrollOutputHelper output)
    {
        [Given("the shared step")]
        [Scope(Tag = "@fast", Feature = "Sample")]
        public void Shared() => output.WriteLine("tag+feature");
    }

    [Binding]
    public class Duplicate
    {
        [Given("the shared step")]
        public void AlsoShared()
        {
        }
    }

    private static Task<TestCaseResult> Run(string scenario, string[] tags, string step, params Type[] bindings) =>
        Cases.RunAsync(Cases.Make(scenario, tags, step), bindings);

    [Theory]
    [InlineData(new string[0], "unscoped")]
    [InlineData(new[] { "fast" }, "tag")]
    [InlineData(new[] { "slow" }, "unscoped")]
    public async Task A_scoped_match_beats_an_unscoped_one(string[] tags, string expected)
    {
        var result = await Run("s", tags, "Given the shared step", typeof(Unscoped), typeof(ScopedByTag));

        result.Output.Should().Equal(expected);
    }

    [Fact]
    public async Task A_more_specific_scope_wins()
    {
        var result = await Run("s", ["fast"], "Given the shared step", typeof(Unscoped), typeof(ScopedByTag), typeof(ScopedTwice));

        result.Output.Should().Equal("tag+feature");
    }

    [Theory]
    [InlineData("method scope", new string[0], "method")]
    [InlineData("other", new[] { "fast" }, "unscoped")]
    public async Task Method_scopes_replace_class_scopes(string scenario, string[] tags, string expected)
    {
        var result = await Run(scenario, tags, "Given the class-scoped step", typeof(Unscoped), typeof(ScopedByTag));

        result.Output.Should().Equal(expected);
    }

    [Fact]
    public async Task Equal_specificity_is_ambiguous_and_lists_the_candidates()
    {
        var result = await Run("s", [], "Given the shared step", typeof(Unscoped), typeof(Duplicate));

        result.Status.Should().Be(TestCaseStatus.Failed);
        result.Steps.Single().Status.Should().Be(StepStatus.Ambiguous);
        result.Message.Should().Contain("Ambiguous").And.Contain("Unscoped.Shared()").And.Contain("Duplicate.AlsoShared()")
            .And.Contain("[\"the shared step\"]").And.Contain("Given the shared step (line 10)");
    }

    [Theory]
    [InlineData("Given only a when", null)]
    [InlineData("When only a when", "when")]
    [InlineData("Given any keyword", "any")]
    [InlineData("Then any keyword", "any")]
    public async Task The_keyword_type_must_match(string step, string? expected)
    {
        var result = await Run("s", [], step, typeof(Unscoped));

        if (expected is null)
            result.Steps.Single().Status.Should().Be(StepStatus.Undefined);
        else
            result.Output.Should().Equal(expected);
    }
}
