namespace ChaosFeatures.Gherkin.Bindings.Discovery;

/// <summary>Builds hooks and checks the rules that differ by hook type.</summary>
internal static class HookFactory
{
    public static HookBinding Create(MethodBinding method, HookAttribute attribute, int index, IReadOnlyList<BindingScope> scopes)
    {
        var type = Enum.Parse<HookType>(attribute.GetType().Name.Replace("Attribute", "", StringComparison.Ordinal));
        var runLevel = type is HookType.BeforeTestRun or HookType.AfterTestRun;
        var featureLevel = type is HookType.BeforeFeature or HookType.AfterFeature;
        if ((runLevel || featureLevel) && !method.IsStatic)
            throw new BindingException($"{method.Name}: [{type}] hooks must be static (they run outside any scenario).");
        if (runLevel && method.Parameters.Length > 0)
            throw new BindingException($"{method.Name}: [{type}] hooks take no parameters.");
        if (featureLevel && method.Parameters.Any(p => p.ParameterType != typeof(FeatureContext) && p.ParameterType != typeof(FeatureInfo)))
            throw new BindingException($"{method.Name}: [{type}] hooks may only take FeatureContext or FeatureInfo.");
        var tags = attribute.Tags.Select(t => TagName.Normalize(t)!).ToArray();
        var info = new HookInfo($"{type}:{method.Signature}#{index}", type, method.Name, tags, attribute.Order);
        return new HookBinding(info, method, scopes);
    }
}
