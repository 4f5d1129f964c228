namespace ChaosFeatures.Gherkin;

/// <summary>Thrown by a step that is written but not implemented yet; the step reports Pending.</summary>
public sealed class PendingStepException(string message) : Exception(message)
{
    public PendingStepException()
        : this("One or more step definitions are not implemented yet.")
    {
    }
}
