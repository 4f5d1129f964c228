using ChaosFeatures.Gherkin.Bindings;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Execution;

/// <summary>What happened to one test step.</summary>
/// <param name="Error">Failure message (also for pending/ambiguous/undefined), null when fine.</param>
/// <param name="Snippet">Ready-to-paste step definition for an undefined step.</param>
/// <param name="Binding">The matched step definition, null for hooks and unmatched steps.</param>
public sealed record StepResult(
    TestStepInfo Info,
    StepStatus Status,
    TimeSpan Duration,
    string? Error = null,
    string? Snippet = null,
    StepDefinitionInfo? Binding = null,
    IReadOnlyList<MatchedArgument>? Arguments = null)
{
    public CaseStep? Step => Info.Step;

    public HookInfo? Hook => Info.Hook;
}
