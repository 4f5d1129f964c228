namespace ChaosFeatures.Gherkin.Bindings.Conversion;

/// <summary>A step's text or argument could not be converted for a parameter; the step fails with this message.</summary>
internal sealed class StepArgumentException(string message, Exception? inner = null) : Exception(message, inner);
