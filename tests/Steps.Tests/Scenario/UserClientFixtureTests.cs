using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Steps.Tests.Support;

namespace ChaosFeatures.Steps.Tests.Scenario;

/// <summary>ChaosContext from a user's binding: calls on the scenario scheduler, outcomes, killers, give-up, own classification, owned clients.</summary>
public sealed class UserClientFixtureTests
{
    public static TheoryData<string> Scenarios() => [.. FixtureRun.Load("user_client.feature").Select(c => c.ScenarioName)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task User_client_scenario_passes(string scenario)
    {
        var result = await FixtureRun.RunAsync("user_client.feature", scenario);

        result.Status.Should().Be(CaseStatus.Passed, result.Message);
    }
}
