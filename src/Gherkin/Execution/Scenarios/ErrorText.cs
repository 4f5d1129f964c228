using ChaosFeatures.Gherkin.Bindings;
using ChaosFeatures.Gherkin.Bindings.Conversion;

namespace ChaosFeatures.Gherkin.Execution.Scenarios;

/// <summary>How an exception reads in a failure message: our own errors by message, others with their type.</summary>
internal static class ErrorText
{
    public static string Of(Exception e) => e switch
    {
        StepArgumentException or BindingException or HookFailedException or ComparisonException => e.Message,
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
