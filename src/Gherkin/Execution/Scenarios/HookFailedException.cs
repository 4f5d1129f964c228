using ChaosFeatures.Gherkin.Bindings;

namespace ChaosFeatures.Gherkin.Execution.Scenarios;

/// <summary>Names the BeforeStep/AfterStep hook that failed around a step.</summary>
internal sealed class HookFailedException(HookInfo hook, Exception inner)
    : Exception($"[{hook}] failed: {ErrorText.Of(inner)}", inner);
