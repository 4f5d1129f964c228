namespace ChaosFeatures.Gherkin;

/// <summary>How a step definition's text is read; <see cref="Unspecified"/> auto-detects like Reqnroll.</summary>
public enum ExpressionType
{
    Unspecified,
    CucumberExpression,
    RegularExpression,
}
