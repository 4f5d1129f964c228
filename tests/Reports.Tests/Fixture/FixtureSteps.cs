using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Xunit;
using ChaosFeatures.Gherkin.Xunit.Framework;
using Reqnroll;
using Xunit;

[assembly: TestFramework(GherkinTestFramework.TypeName, GherkinTestFramework.AssemblyName)]

namespace ChaosFeatures.ReportsFixture;

public class Features
{
    [GherkinFeatures("features")]
    public void Scenarios() { }
}

/// <summary>Pretends to move bytes; a reset makes the outcome step fail with a timeline and a freeze command, as the Harness does.</summary>
[Binding]
public sealed class FixtureSteps(CaseRun run, ScenarioContext scenario, IReqnrollOutputHelper output)
{
    private bool _reset;

    [AfterScenario]
    public void Timeline()
    {
        if (scenario.TestError is null) return;
        var timeline = $"Chaos timeline ({scenario.ScenarioInfo.Title}):\n  +0.0 ms peer accept\n  +0.4 ms peer rst after 100 bytes\n"
            + "Freeze: dotnet run --project tools/freeze -- chaos-results/run/failures/case.json";
        run.AddFailureDetail(timeline);
        output.WriteLine(timeline);
    }

    [Given("a peer on loopback serving {int} bytes")]
    public void Peer(int bytes) => output.WriteLine($"peer serves {bytes} bytes");

    [Given("the peer sends slices of {int} bytes")]
    [Given("the peer delays each write by {int} ms")]
    public void Fault(int amount) => output.WriteLine($"fault {amount}");

    [Given("the peer resets after {int} bytes")]
    public void Reset(int bytes) => _reset = bytes > 0;

    [Given("the peer never reads")]
    [When("the client downloads everything")]
    [When("the client reads byte by byte")]
    public void Transfer() { }

    [When("the client uploads {int} bytes")]
    public void Upload(int bytes) => output.WriteLine($"upload {bytes}");

    [When("task {string} cancels the download after {int} ms")]
    public Task Cancel(string task, int ms) => Task.Delay(ms);

    [Then("the outcome is {word}")]
    public void Outcome(string expected)
    {
        if (_reset) throw new InvalidOperationException($"expected outcome {expected}, got reset after 100 of 256 bytes");
    }
}
