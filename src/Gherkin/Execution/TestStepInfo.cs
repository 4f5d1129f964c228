using ChaosFeatures.Gherkin.Bindings;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Execution;

/// <summary>A test step of a case: a Gherkin step, or a BeforeScenario/AfterScenario hook invocation.</summary>
public sealed record TestStepInfo(CaseStep? Step, HookInfo? Hook)
{
    public override string ToString() => Step is not null ? $"{Step.Keyword.Trim()} {Step.Text} (line {Step.Line})" : $"hook {Hook}";
}
