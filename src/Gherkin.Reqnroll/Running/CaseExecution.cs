using System.Collections.Specialized;
using System.Diagnostics;
using ChaosFeatures.Gherkin.Model;
using Reqnroll;
using Reqnroll.Events;

namespace ChaosFeatures.Gherkin.Running;

/// <summary>
/// Runs one case on a Reqnroll test runner under the watchdog. The body (feature switch, scenario start,
/// steps, errors, scenario end) runs on the thread pool; when its steps outlive the scenario timeout the
/// case is cut: its <see cref="CaseRun.Cancellation"/> is cancelled and no further step is called. A body
/// that still has not stopped after the grace is abandoned with its runner: the hung step is reported
/// finished with the timeout, and the AfterScenario hooks run from here, so replay descriptors and
/// reports stay whole. Exactly one of the two runs the after-phase.
/// </summary>
internal sealed class CaseExecution
{
    private readonly SuiteRun _run;
    private readonly TestCase _case;
    private readonly FeatureInfo _feature;
    private readonly string? _pickleIndex;
    private readonly CaseRun _caseRun;
    private readonly BodyOutcome _outcome = new();
    private readonly TaskCompletionSource _mainDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITestRunner? _runner;
    private int _afterPhaseClaimed;

    public CaseExecution(SuiteRun run, TestCase testCase, int iteration, FeatureInfo feature, string? pickleIndex)
    {
        _run = run;
        _case = testCase;
        _feature = feature;
        _pickleIndex = pickleIndex;
        _caseRun = new CaseRun(testCase, iteration, new CancellationTokenSource());
    }

    public async Task<CaseResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var options = _run.Options;
        var body = Task.Run(BodyAsync, CancellationToken.None);
        var afterPhase = new List<string>();
        var bodyFinished = true;
        // The common case waits on the body itself (one wake-up); only a body still busy at the timeout asks which phase it is in.
        if (!await Watchdog.CompletesWithinAsync(body, options.ScenarioTimeout, cancellationToken).ConfigureAwait(false))
        {
            if (!_mainDone.Task.IsCompleted)
            {
                _caseRun.Cut(TimeoutMessage(cancellationToken.IsCancellationRequested ? "was cancelled by the caller" : $"timed out after {Watchdog.Seconds(options.ScenarioTimeout)}"));
                if (!await Watchdog.CompletesWithinAsync(_mainDone.Task, options.StopGrace).ConfigureAwait(false) && ClaimAfterPhase())
                {
                    bodyFinished = false;
                    Watchdog.Observe(body);
                    afterPhase.AddRange(await AbandonAsync().ConfigureAwait(false));
                }
            }
            if (bodyFinished && !await Watchdog.CompletesWithinAsync(body, options.AfterHookTimeout).ConfigureAwait(false))
            {
                bodyFinished = false;
                Watchdog.Observe(body);
                if (Volatile.Read(ref _runner) is { } runner)
                    _run.Abandoned.Add(runner, _feature);
                afterPhase.Add($"AfterScenario hooks did not finish within {Watchdog.Seconds(options.AfterHookTimeout)}; their runner was abandoned.");
            }
        }
        return CaseVerdict.Decide(_caseRun, bodyFinished ? _outcome : null, afterPhase, Stopwatch.GetElapsedTime(started));
    }

    private async Task BodyAsync()
    {
        ITestRunner runner;
        try
        {
            runner = TestRunnerManager.GetTestRunnerForAssembly(_run.Options.TestAssembly, _run.Builder, _feature);
        }
        catch (Exception e)
        {
            _outcome.SetupError = $"Reqnroll could not provide a test runner: {ErrorText.Of(e.GetBaseException())}";
            _mainDone.TrySetResult();
            return;
        }
        Volatile.Write(ref _runner, runner);
        try
        {
            await RunMainPhaseAsync(runner).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _outcome.SetupError ??= $"The bridge failed to drive Reqnroll: {ErrorText.Of(e)}";
        }
        finally
        {
            _mainDone.TrySetResult();
        }
        if (!ClaimAfterPhase())
            return; // the watchdog abandoned this runner and ran the after-phase itself
        try
        {
            await runner.OnScenarioEndAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _outcome.AfterError = $"AfterScenario hook failed: {ErrorText.Of(e)}";
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    private async Task RunMainPhaseAsync(ITestRunner runner)
    {
        if (!await EnterFeatureAsync(runner).ConfigureAwait(false))
            return;
        runner.OnScenarioInitialize(ScenarioInfo(), RuleInfo());
        var scenario = runner.ScenarioContext;
        scenario.ScenarioContainer.RegisterInstanceAs(_caseRun);
        if (_case.IgnoreReason is { } ignored)
        {
            // Reported skipped without running, as generated code does for @ignore (and never failed under CHAOS_STRICT).
            await runner.SkipScenarioAsync().ConfigureAwait(false);
            _outcome.IgnoreReason = ignored;
            return;
        }
        await runner.OnScenarioStartAsync().ConfigureAwait(false);
        var failedBeforeSteps = scenario.ScenarioExecutionStatus != ScenarioExecutionStatus.OK;
        foreach (var step in _case.Steps)
        {
            if (_caseRun.TimedOut)
                break;
            _caseRun.Entering(step);
            await StepCalls.CallAsync(runner, step).ConfigureAwait(false);
            if (!failedBeforeSteps && scenario.ScenarioExecutionStatus != ScenarioExecutionStatus.OK)
                _caseRun.FailedIn(step);
        }
        _caseRun.Entering(null);
        try
        {
            await runner.CollectScenarioErrorsAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _outcome.ScenarioError = e;
            _outcome.ScenarioErrorText = ScenarioErrors.Describe(e, runner, _caseRun.FailingStep);
        }
    }

    /// <summary>As generated TestInitialize does: end another feature left on this runner, start ours, refuse after a failed BeforeFeature.</summary>
    private async Task<bool> EnterFeatureAsync(ITestRunner runner)
    {
        try
        {
            if (runner.FeatureContext is { } other && !ReferenceEquals(other.FeatureInfo, _feature))
                await runner.OnFeatureEndAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _outcome.SetupError = $"AfterFeature hook of the previous feature on this runner failed: {ErrorText.Of(e)}";
            return false;
        }
        try
        {
            if (runner.FeatureContext is null)
                await runner.OnFeatureStartAsync(_feature).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _outcome.SetupError = $"BeforeFeature hook failed: {ErrorText.Of(e)}";
            return false;
        }
        if (runner.FeatureContext is { BeforeFeatureHookFailed: true } failed)
        {
            _outcome.SetupError = $"BeforeFeature hook failed: {ErrorText.Of(failed.BeforeFeatureHookError)}";
            return false;
        }
        return true;
    }

    /// <summary>
    /// The body did not stop: report the hung step finished with the timeout (formatters then show it failed),
    /// run the AfterScenario hooks from here (ending the case's chaos, writing its replay descriptor) and keep
    /// its runner out of the pool.
    /// </summary>
    private async Task<IReadOnlyList<string>> AbandonAsync()
    {
        if (Volatile.Read(ref _runner) is not { } runner)
            return ["Reqnroll never provided a test runner; nothing could be cleaned up."];
        _run.Abandoned.Add(runner, _feature);
        var problem = await Watchdog.RunBoundedAsync(async () =>
        {
            if (_caseRun.CurrentStep is not null && runner.ScenarioContext?.StepContext is { } hung)
            {
                hung.Status = ScenarioExecutionStatus.TestError;
                hung.StepError = new TimeoutException(_caseRun.TimeoutMessage);
                var events = runner.TestThreadContext.TestThreadContainer.Resolve<ITestThreadExecutionEventPublisher>();
                await events.PublishEventAsync(new StepFinishedEvent(runner.FeatureContext, runner.ScenarioContext, hung)).ConfigureAwait(false);
            }
            await runner.OnScenarioEndAsync().ConfigureAwait(false);
        }, _run.Options.AfterHookTimeout, "AfterScenario hooks after the timeout").ConfigureAwait(false);
        return problem is null ? [] : [problem];
    }

    private bool ClaimAfterPhase() => Interlocked.Exchange(ref _afterPhaseClaimed, 1) == 0;

    private string TimeoutMessage(string what) => _caseRun.CurrentStep is { } step
        ? $"Scenario {what} in step '{step.Keyword.Trim()} {step.Text}' (line {step.Line})."
        : $"Scenario {what} outside its steps (in a BeforeScenario hook, or while starting its feature).";

    private ScenarioInfo ScenarioInfo()
    {
        var arguments = new OrderedDictionary();
        foreach (var (header, cell) in _case.Example?.Values ?? new Dictionary<string, string>())
            arguments.Add(header, cell);
        return new ScenarioInfo(_case.ScenarioName, _case.ScenarioDescription, [.. _case.OwnTags], arguments, [.. _case.InheritedTags], _pickleIndex);
    }

    private RuleInfo? RuleInfo() => _case.Rule is { } rule ? new RuleInfo(rule.Title, rule.Description, [.. rule.Tags]) : null;
}
