namespace ChaosFeatures.Gherkin.Bindings;

/// <summary>Gives the scenario's instance of a binding class (created on first request, shared after).</summary>
internal interface IBindingInstances
{
    object Get(Type type);
}
