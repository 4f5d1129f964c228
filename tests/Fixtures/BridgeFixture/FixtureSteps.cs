using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Xunit;
using ChaosFeatures.Gherkin.Xunit.Framework;
using Reqnroll;
using Reqnroll.UnitTestProvider;
using Xunit;

[assembly: TestFramework(GherkinTestFramework.TypeName, GherkinTestFramework.AssemblyName)]

namespace ChaosFeatures.BridgeFixture;

public class Features
{
    [GherkinFeatures("features")]
    public void Scenarios() { }
}

[Binding]
public sealed class FixtureSteps(CaseRun run, IUnitTestRuntimeProvider provider)
{
    /// <summary>Released by nobody: the watchdog must cut the scenario.</summary>
    private static readonly ManualResetEventSlim Never = new(false);

    [Given("a step that passes")]
    public void Passes() { }

    [Given("a step with {int}")]
    public void WithNumber(int number)
    {
        if (number < 0) throw new InvalidOperationException("negative");
    }

    [Given("a pending step")]
    public void Pending() => throw new PendingStepException();

    [Given("a step that blocks forever")]
    public void Blocks() => Never.Wait();

    [Given("a step that fails on iteration {int}")]
    public void FailsOnIteration(int iteration)
    {
        if (run.Iteration == iteration) throw new InvalidOperationException($"planted failure on iteration {iteration}");
    }

    [Given("a requirement that is missing")]
    public void MissingRequirement() => provider.TestIgnore("toxiproxy is not installed");
}
