using System.Collections.Concurrent;
using ChaosFeatures.Gherkin.Model;
using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace ChaosFeatures.Gherkin.Tests.Running;

/// <summary>
/// Bindings for the driver's own tests: steps for every outcome, hooks (scoped to <c>@driver</c>) that leave a
/// trace in <see cref="Log"/>, and steps that hang, released by <see cref="Hang"/> when a test is done.
/// </summary>
[Binding]
public sealed class DriverSteps(CaseRun run, IUnitTestRuntimeProvider provider)
{
    public const string FailBeforeTestRunVariable = "DRIVER_FAIL_BEFORE_TEST_RUN";

    public static readonly ConcurrentQueue<string> Log = new();

    /// <summary>Blocks "a step that blocks until released"; each test that hangs releases it at its end.</summary>
    public static readonly SemaphoreSlim Hang = new(0);

    /// <summary>Drops releases left by an earlier test, so "blocks until released" blocks again.</summary>
    public static void ResetHang()
    {
        while (Hang.Wait(0)) { }
    }

    [BeforeTestRun]
    public static void BeforeTestRun()
    {
        if (Environment.GetEnvironmentVariable(FailBeforeTestRunVariable) == "1")
            throw new InvalidOperationException($"{FailBeforeTestRunVariable}=1 says the run cannot start");
    }

    [BeforeFeature("driver")]
    public static void BeforeFeature(FeatureContext feature) => Log.Enqueue($"before-feature:{feature.FeatureInfo.Title}");

    [AfterFeature("driver")]
    public static void AfterFeature(FeatureContext feature) => Log.Enqueue($"after-feature:{feature.FeatureInfo.Title}");

    [BeforeFeature("fail_before_feature")]
    public static void FailingBeforeFeature() => throw new InvalidOperationException("the feature cannot start");

    [AfterScenario("driver")]
    public void AfterScenario()
    {
        Log.Enqueue($"after-scenario:{run.Case.ScenarioName}");
        if (run.TimedOut)
            run.AddFailureDetail($"after-scenario saw the timeout; failing step: line {run.FailingStep?.Line}");
    }

    [AfterScenario("fail_after")]
    public void FailingAfterScenario() => throw new InvalidOperationException("cleanup broke");

    [Given("a step that passes")]
    public void Passes() { }

    [Given("a step that records {string}")]
    public void Records(string what) => Log.Enqueue(what);

    [Given("a step that fails with {string}")]
    public void Fails(string message) => throw new InvalidOperationException(message);

    [Given("a pending step")]
    public void Pending() => throw new PendingStepException();

    [Given("an ambiguous step")]
    public void AmbiguousOne() { }

    [Given("an ambiguous step")]
    public void AmbiguousTwo() { }

    [Given("a requirement that is missing")]
    public void Missing() => provider.TestIgnore("toxiproxy is not installed");

    [Given("a step that blocks until released")]
    public void Blocks() => Hang.Wait();

    [Given("a step that waits for the watchdog")]
    public Task WaitsForTheWatchdog() => Task.Delay(Timeout.Infinite, run.Cancellation);

    [Given("a step that fails on iteration {int}")]
    public void FailsOnIteration(int iteration)
    {
        if (run.Iteration == iteration) throw new InvalidOperationException($"planted failure on iteration {iteration}");
    }
}
