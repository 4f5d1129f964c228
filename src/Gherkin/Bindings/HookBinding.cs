using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Bindings;

/// <summary>One hook attribute on one method. Parameters are resolved like constructor dependencies.</summary>
internal sealed class HookBinding(HookInfo info, MethodBinding method, IReadOnlyList<BindingScope> scopes)
{
    public HookInfo Info { get; } = info;

    public MethodBinding Method { get; } = method;

    public IReadOnlyList<BindingScope> Scopes { get; } = scopes;

    public bool AppliesTo(TestCase testCase) =>
        (Info.Tags.Count == 0 || Info.Tags.Any(t => testCase.Tags.Contains(t, StringComparer.Ordinal)))
        && BindingScope.Match(Scopes, testCase) >= 0;

    public bool AppliesTo(FeatureDescriptor feature) =>
        Info.Tags.Count == 0 || Info.Tags.Any(t => feature.Tags.Contains(t, StringComparer.Ordinal));

    public ValueTask InvokeAsync(IBindingInstances instances)
    {
        var parameters = Method.Parameters;
        var args = new object?[parameters.Length];
        for (var i = 0; i < args.Length; i++)
            args[i] = instances.Get(parameters[i].ParameterType);
        return Method.InvokeAsync(Method.Target(instances), args);
    }
}
