using ChaosFeatures.Harness.Invariants;
using FluentAssertions.Execution;

namespace ChaosFeatures.Steps.Scenario;

/// <summary>
/// FluentAssertions for the Then steps, failing with <see cref="ChaosAssertionException"/> whichever test
/// framework is loaded: a failure's type and message make its replay descriptor's signature, which must
/// not depend on whether xUnit, NUnit or MSTest runs the suite (FluentAssertions would throw theirs).
/// </summary>
internal static class Expect
{
    public static void That(Action assertions)
    {
        string[] failures;
        using (var scope = new AssertionScope())
        {
            assertions();
            failures = scope.Discard();
        }
        if (failures.Length > 0)
            throw new ChaosAssertionException(string.Join(Environment.NewLine, failures));
    }
}
