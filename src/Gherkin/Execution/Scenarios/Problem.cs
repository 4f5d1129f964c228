namespace ChaosFeatures.Gherkin.Execution.Scenarios;

/// <summary>One reason a case fails: where (step or hook, with line) and what.</summary>
internal sealed record Problem(string Where, string Error, string? StackTrace = null)
{
    public override string ToString() => $"{Where}{Environment.NewLine}{Error}";
}
