namespace ChaosFeatures.Steps.Scenario;

/// <summary>
/// Told about every failed chaos test case, after its peers are stopped and its leaks checked
/// (e.g. to write a replay descriptor). Register with <see cref="ChaosFailureRecorders.Register"/>,
/// typically from a [BeforeTestRun] hook. A recorder that throws does not hide the failure: its
/// error is added to the failure message.
/// </summary>
public interface IChaosFailureRecorder
{
    Task RecordAsync(ChaosScenario scenario, ChaosFailure failure, CancellationToken cancellationToken);
}
