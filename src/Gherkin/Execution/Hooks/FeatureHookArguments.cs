using ChaosFeatures.Gherkin.Bindings;

namespace ChaosFeatures.Gherkin.Execution.Hooks;

/// <summary>What feature hooks may ask for; test-run hooks get <see cref="None"/>.</summary>
internal sealed class FeatureHookArguments(FeatureContext? context) : IBindingInstances
{
    public static FeatureHookArguments None { get; } = new(null);

    public object Get(Type type) => type == typeof(FeatureContext) && context is not null ? context
        : type == typeof(FeatureInfo) && context is not null ? context.FeatureInfo
        : throw new BindingException($"{type.Name} cannot be injected into a test-run or feature hook.");
}
