namespace ChaosFeatures.Gherkin.Bindings;

/// <summary>A misuse of the binding API found at discovery or when resolving a binding's dependencies.</summary>
internal sealed class BindingException(string message) : Exception(message);
