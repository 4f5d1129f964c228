using ChaosFeatures.Gherkin.Bindings.Expressions;

namespace ChaosFeatures.Gherkin.Bindings.Matching;

internal enum StepMatchKind { Found, Undefined, Ambiguous, ArgumentMismatch }

/// <summary>The outcome of matching one step: a binding with its captured arguments, or why there is none.</summary>
internal sealed record StepMatch(
    StepMatchKind Kind,
    StepDefinitionBinding? Binding,
    CapturedArgument[] Arguments,
    IReadOnlyList<StepDefinitionBinding> Candidates)
{
    public static StepMatch Undefined { get; } = new(StepMatchKind.Undefined, null, [], []);
}
