namespace ChaosFeatures.Gherkin;

/// <summary>Thrown by the table comparison helpers; the message carries the diff.</summary>
public sealed class ComparisonException(string message) : Exception(message);
