using ChaosFeatures.Gherkin.Bindings;
using ChaosFeatures.Gherkin.Execution.Hooks;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Execution;

/// <summary>One open feature: its context and whether its BeforeFeature hooks succeeded.</summary>
internal sealed class FeatureRun
{
    private FeatureRun(FeatureContext context, IReadOnlyList<string> beforeErrors)
    {
        Context = context;
        BeforeErrors = beforeErrors;
    }

    public FeatureContext Context { get; }

    /// <summary>BeforeFeature failures; every case of the feature fails with them.</summary>
    public IReadOnlyList<string> BeforeErrors { get; }

    public static async Task<FeatureRun> StartAsync(FeatureDescriptor feature, BindingRegistry registry, ExecutionSettings settings)
    {
        var context = new FeatureContext(new FeatureInfo(feature));
        var hooks = registry.HooksOf(HookType.BeforeFeature).Where(h => h.AppliesTo(feature)).ToList();
        var errors = await HookBatch.RunAsync(hooks, new FeatureHookArguments(context), settings.ScenarioTimeout, stopAtFirstFailure: true)
            .ConfigureAwait(false);
        return new FeatureRun(context, errors);
    }

    public Task<IReadOnlyList<string>> FinishAsync(BindingRegistry registry, ExecutionSettings settings)
    {
        var feature = Context.FeatureInfo.Feature;
        var hooks = registry.HooksOf(HookType.AfterFeature).Where(h => h.AppliesTo(feature)).ToList();
        return HookBatch.RunAsync(hooks, new FeatureHookArguments(Context), settings.AfterHookTimeout, stopAtFirstFailure: false);
    }
}
