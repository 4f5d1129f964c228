using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace ChaosFeatures.Gherkin.Reqnroll;

/// <summary>
/// What generated code gets from a unit test framework plugin: how a binding's "ignore", "inconclusive" and
/// "pending" become results. All three skip the case with the message as its reason (xUnit v2 has no other
/// non-failing outcome), and under <c>CHAOS_STRICT=1</c> they fail it instead, so CI can demand that
/// nothing is silently skipped. A binding skips by calling <see cref="IUnitTestRuntimeProvider.TestIgnore"/>,
/// which works the same under any Reqnroll unit test provider.
/// </summary>
internal sealed class BridgeRuntimeProvider : IUnitTestRuntimeProvider
{
    public const string Name = "chaosfeatures";
    public const string StrictVariable = "CHAOS_STRICT";

    private readonly bool _strict = Environment.GetEnvironmentVariable(StrictVariable) == "1";

    public void TestPending(string message) => Skip($"Pending: {message}");

    public void TestInconclusive(string message) => Skip($"Inconclusive: {message}");

    public void TestIgnore(string message) => Skip(message);

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) =>
        exception is CaseSkippedException ? ScenarioExecutionStatus.Skipped : null;

    private void Skip(string reason) =>
        throw (_strict ? new InvalidOperationException($"Skipped in strict mode ({StrictVariable}=1): {reason}") : new CaseSkippedException(reason));
}
