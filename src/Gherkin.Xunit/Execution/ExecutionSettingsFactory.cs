using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Execution;

namespace ChaosFeatures.Gherkin.Xunit.Execution;

/// <summary>reqnroll.json's <c>runtime</c> section -> what the runner needs (CHAOS_STRICT is read by <see cref="ExecutionSettings"/>).</summary>
internal static class ExecutionSettingsFactory
{
    public static ExecutionSettings From(RunnerConfiguration configuration) => new()
    {
        MissingOrPendingStepsOutcome = configuration.MissingOrPendingStepsOutcome,
        StopAtFirstError = configuration.StopAtFirstError,
        ScenarioTimeout = TimeSpan.FromSeconds(configuration.ScenarioTimeoutSeconds),
    };
}
