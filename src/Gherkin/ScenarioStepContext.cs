namespace ChaosFeatures.Gherkin;

/// <summary>The step running now (or the last one that ran) and how it went, as in Reqnroll.</summary>
public sealed class ScenarioStepContext : ReqnrollContext
{
    internal ScenarioStepContext(StepInfo stepInfo) => StepInfo = stepInfo;

    public StepInfo StepInfo { get; }

    /// <summary>OK while the step runs and after it passed; otherwise why it did not (failed, pending, undefined, ...).</summary>
    public ScenarioExecutionStatus Status { get; internal set; }
}
