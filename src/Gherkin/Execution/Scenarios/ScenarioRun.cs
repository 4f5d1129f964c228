using System.Diagnostics;
using ChaosFeatures.Gherkin.Bindings;
using ChaosFeatures.Gherkin.Execution.Injection;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Execution.Scenarios;

/// <summary>
/// Runs one test case: BeforeScenario hooks and steps (the main phase), then AfterScenario hooks and
/// disposal (the after-phase), each under a watchdog bound. The after-phase runs exactly once,
/// either on the step thread or, after a timeout, on a fresh thread.
/// </summary>
internal sealed class ScenarioRun
{
    private readonly RunContext _run;
    private readonly TestCase _case;
    private readonly ScenarioContext _context;
    private readonly ScenarioContainer _container = new();
    private readonly OutputCollector _output;
    private readonly CaseJournal _journal;
    private readonly StepExecutor _steps;
    private readonly CancellationTokenSource _cancellation;
    private readonly TaskCompletionSource _mainDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _afterPhaseClaimed;
    private int _currentIndex = -1;

    public ScenarioRun(RunContext run, TestCase testCase, int iteration, FeatureContext featureContext, CancellationToken cancellationToken)
    {
        _run = run;
        _case = testCase;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _context = new ScenarioContext(new ScenarioInfo(testCase, iteration), _cancellation.Token);
        _output = new OutputCollector(testCase, run.Hub);
        _journal = new CaseJournal(_context);
        _container.Register(typeof(ScenarioContext), _context);
        _container.Register(typeof(ScenarioInfo), _context.ScenarioInfo);
        _container.Register(typeof(FeatureContext), featureContext);
        _container.Register(typeof(FeatureInfo), featureContext.FeatureInfo);
        _container.Register(typeof(TestCase), testCase);
        _container.Register(typeof(IReqnrollOutputHelper), _output);
        _steps = new StepExecutor(run, testCase, _context, _container, _journal);
    }

    public async Task<TestCaseResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var settings = _run.Settings;
        var body = Watchdog.StartDedicated(RunBodyAsync);
        if (await Watchdog.CompletesWithinAsync(_mainDone.Task, settings.ScenarioTimeout, cancellationToken).ConfigureAwait(false))
        {
            if (!await Watchdog.CompletesWithinAsync(body, settings.AfterHookTimeout).ConfigureAwait(false))
                _journal.Fail(new Problem("After-phase failed:", $"AfterScenario hooks and disposal did not finish within {Seconds(settings.AfterHookTimeout)}; their thread was abandoned."), null, mainPhase: false);
        }
        else
        {
            CutMainPhase(cancellationToken.IsCancellationRequested ? "cancelled by the caller" : $"timed out after {Seconds(settings.ScenarioTimeout)}");
            if (Interlocked.Exchange(ref _afterPhaseClaimed, 1) == 0
                && !await Watchdog.CompletesWithinAsync(Watchdog.StartDedicated(RunAfterPhaseAsync), settings.AfterHookTimeout).ConfigureAwait(false))
                _journal.Fail(new Problem("After-phase failed:", $"AfterScenario hooks did not finish within {Seconds(settings.AfterHookTimeout)} after the timeout; abandoned."), null, mainPhase: false);
        }
        var (status, message, stackTrace, skipReason) = CaseVerdict.Decide(_journal, settings, _context.FailureDetails());
        if (_mainDone.Task.IsCompleted)
            _cancellation.Dispose(); // not after a timeout: the abandoned thread may still look at its token
        return new TestCaseResult(status, message, stackTrace, skipReason, Stopwatch.GetElapsedTime(started), _journal.Snapshot().Steps, _output.Lines());
    }

    private async Task RunBodyAsync()
    {
        try
        {
            await RunMainPhaseAsync().ConfigureAwait(false);
        }
        finally
        {
            _mainDone.TrySetResult();
        }
        if (Interlocked.Exchange(ref _afterPhaseClaimed, 1) == 0)
            await RunAfterPhaseAsync().ConfigureAwait(false);
    }

    private async Task RunMainPhaseAsync()
    {
        foreach (var hook in _run.Registry.HooksOf(HookType.BeforeScenario))
        {
            if (hook.AppliesTo(_case) && !_journal.Stopped)
                await RunScenarioHookAsync(hook, mainPhase: true).ConfigureAwait(false);
        }
        for (var i = 0; i < _case.Steps.Count; i++)
        {
            Volatile.Write(ref _currentIndex, i);
            if (_journal.Stopped)
                _steps.Skip(_case.Steps[i]);
            else
                await _steps.ExecuteAsync(_case.Steps[i]).ConfigureAwait(false);
        }
        Volatile.Write(ref _currentIndex, _case.Steps.Count);
    }

    private async Task RunAfterPhaseAsync()
    {
        foreach (var hook in _run.Registry.HooksOf(HookType.AfterScenario))
        {
            if (hook.AppliesTo(_case))
                await RunScenarioHookAsync(hook, mainPhase: false).ConfigureAwait(false);
        }
        foreach (var error in await _container.DisposeAsync().ConfigureAwait(false))
            _journal.Fail(new Problem("Cleanup failed:", error), null, mainPhase: false);
    }

    private async Task RunScenarioHookAsync(HookBinding hook, bool mainPhase)
    {
        var info = new TestStepInfo(null, hook.Info);
        _run.Hub.Notify(l => l.StepStarted(_case, info));
        var started = Stopwatch.GetTimestamp();
        var result = new StepResult(info, StepStatus.Passed, TimeSpan.Zero);
        try
        {
            await hook.InvokeAsync(_container).ConfigureAwait(false);
        }
        catch (ScenarioSkippedException skipped)
        {
            _journal.Skip(skipped.Reason, mainPhase);
            result = result with { Status = StepStatus.Skipped, Error = $"Skipped: {skipped.Reason}" };
        }
        catch (Exception e)
        {
            _journal.Fail(new Problem($"Hook failed: [{hook.Info}]", ErrorText.Of(e), e.StackTrace), e, mainPhase);
            result = result with { Status = StepStatus.Failed, Error = ErrorText.Of(e) };
        }
        result = result with { Duration = Stopwatch.GetElapsedTime(started) };
        if (_journal.Add(result, mainPhase))
            _run.Hub.Notify(l => l.StepFinished(_case, result));
    }

    /// <summary>The watchdog's verdict on a hung main phase: record where it hung, stop listening to its thread, cancel it.</summary>
    private void CutMainPhase(string why)
    {
        var index = Volatile.Read(ref _currentIndex);
        var where = index < 0 ? "in a BeforeScenario hook"
            : index >= _case.Steps.Count ? "after the last step"
            : $"in step '{_case.Steps[index].Keyword.Trim()} {_case.Steps[index].Text}' (line {_case.Steps[index].Line})";
        var error = new TimeoutException($"Scenario {why} {where}.");
        var results = _case.Steps.Select((step, i) => (step, i)).Where(s => s.i >= Math.Max(index, 0))
            .Select(s => new StepResult(new TestStepInfo(s.step, null), s.i == index ? StepStatus.Failed : StepStatus.Skipped, TimeSpan.Zero,
                s.i == index ? error.Message : null))
            .ToList();
        var problem = new Problem(error.Message, "Its thread could not be stopped and was abandoned; ScenarioCancellationToken was cancelled.");
        _journal.AbandonMain(problem, error, results);
        if (index >= 0 && index < _case.Steps.Count && _context.StepContext is { } hung)
            hung.Status = ScenarioExecutionStatus.TestError; // the hung step never finished to say so itself
        foreach (var result in results)
        {
            if (result.Status == StepStatus.Skipped)
                _run.Hub.Notify(l => l.StepStarted(_case, result.Info));
            _run.Hub.Notify(l => l.StepFinished(_case, result));
        }
        _cancellation.Cancel();
    }

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.###} s";
}
