using ChaosFeatures.Gherkin.Bindings;
using ChaosFeatures.Gherkin.Bindings.Matching;

namespace ChaosFeatures.Gherkin.Execution.Scenarios;

/// <summary>What every scenario of a run shares.</summary>
internal sealed record RunContext(BindingRegistry Registry, StepMatcher Matcher, ExecutionSettings Settings, ListenerHub Hub);
