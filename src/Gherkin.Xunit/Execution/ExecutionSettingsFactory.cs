using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Execution;

namespace ChaosFeatures.Gherkin.Xunit.Execution;

/// <summary>reqnroll.json's <c>runtime</c> section plus <c>CHAOS_STRICT</c> -> what the runner needs.</summary>
internal static class ExecutionSettingsFactory
{
    public const string StrictVariable = "CHAOS_STRICT";

    public static ExecutionSettings From(RunnerConfiguration configuration) => new()
    {
        MissingOrPendingStepsOutcome = configuration.Runtime.MissingOrPendingStepsOutcome,
        StopAtFirstError = configuration.Runtime.StopAtFirstError,
        ScenarioTimeout = configuration.Runtime.ScenarioTimeout,
        StrictSkips = IsStrict(),
    };

    private static bool IsStrict()
    {
        var value = Environment.GetEnvironmentVariable(StrictVariable);
        return value switch
        {
            null or "" or "0" => false,
            "1" => true,
            _ => throw new InvalidOperationException($"{StrictVariable}='{value}' is invalid; accepted: 0 | 1"),
        };
    }
}
