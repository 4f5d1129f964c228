namespace ChaosFeatures.Gherkin.Bindings;

/// <summary>Everything discovered in the binding assemblies, plus the misuses found on the way.</summary>
internal sealed class BindingRegistry(
    IReadOnlyList<StepDefinitionBinding> stepDefinitions,
    IReadOnlyList<HookBinding> hooks,
    IReadOnlyList<TransformationBinding> transformations,
    IReadOnlyList<string> errors)
{
    private readonly ILookup<HookType, HookBinding> _hooksByType =
        hooks.OrderBy(h => h.Info.Order).ToLookup(h => h.Info.HookType);

    public IReadOnlyList<StepDefinitionBinding> StepDefinitions { get; } = stepDefinitions;

    public IReadOnlyList<HookBinding> Hooks { get; } = hooks;

    public IReadOnlyList<TransformationBinding> Transformations { get; } = transformations;

    public IReadOnlyList<string> Errors { get; } = errors;

    /// <summary>Hooks of one type in run order: ascending Order, then discovery order (OrderBy is stable).</summary>
    public IEnumerable<HookBinding> HooksOf(HookType type) => _hooksByType[type];
}
