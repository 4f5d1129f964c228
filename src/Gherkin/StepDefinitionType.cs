namespace ChaosFeatures.Gherkin;

/// <summary>Which kind of step is running (an <c>And</c> or <c>But</c> takes the kind before it), as in Reqnroll.</summary>
public enum StepDefinitionType
{
    Given,
    When,
    Then,
}
