using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Execution.Scenarios;

/// <summary>
/// Everything that happened in one case, recorded from the step thread and the watchdog. Once the
/// watchdog abandons the main phase, late records from its thread are dropped so a zombie step
/// cannot rewrite a result that was already decided.
/// </summary>
internal sealed class CaseJournal(ScenarioContext context)
{
    private readonly object _gate = new();
    private readonly List<StepResult> _steps = [];
    private readonly List<Problem> _failures = [];
    private readonly List<(CaseStep Step, string Snippet)> _undefined = [];
    private readonly List<Problem> _pending = [];
    private bool _mainAbandoned;

    public string? SkipReason { get; private set; }

    /// <summary>True once the remaining steps must not run.</summary>
    public bool Stopped
    {
        get
        {
            lock (_gate)
                return _failures.Count + _undefined.Count + _pending.Count > 0 || SkipReason is not null;
        }
    }

    /// <summary>Records the watchdog's verdict and, atomically with it, stops accepting records from the main phase.</summary>
    public void AbandonMain(Problem problem, Exception error, IEnumerable<StepResult> finalResults)
    {
        lock (_gate)
        {
            _failures.Add(problem);
            _steps.AddRange(finalResults);
            MarkContext(ScenarioExecutionStatus.TestError, error);
            _mainAbandoned = true;
        }
    }

    public bool Add(StepResult result, bool mainPhase) => Record(mainPhase, () => _steps.Add(result));

    public void Fail(Problem problem, Exception? error, bool mainPhase, ScenarioExecutionStatus status = ScenarioExecutionStatus.TestError) =>
        Record(mainPhase, () =>
        {
            _failures.Add(problem);
            MarkContext(status, error ?? new InvalidOperationException(problem.Error));
        });

    public void Undefined(CaseStep step, string snippet) =>
        Record(true, () =>
        {
            _undefined.Add((step, snippet));
            MarkContext(ScenarioExecutionStatus.UndefinedStep, null);
        });

    public void Pending(Problem problem, Exception error) =>
        Record(true, () =>
        {
            _pending.Add(problem);
            MarkContext(ScenarioExecutionStatus.StepDefinitionPending, error);
        });

    public void Skip(string reason, bool mainPhase) =>
        Record(mainPhase, () =>
        {
            SkipReason ??= reason;
            MarkContext(ScenarioExecutionStatus.Skipped, null);
        });

    public (IReadOnlyList<StepResult> Steps, IReadOnlyList<Problem> Failures, IReadOnlyList<(CaseStep Step, string Snippet)> Undefined, IReadOnlyList<Problem> Pending) Snapshot()
    {
        lock (_gate)
            return ([.. _steps], [.. _failures], [.. _undefined], [.. _pending]);
    }

    private bool Record(bool mainPhase, Action record)
    {
        lock (_gate)
        {
            if (mainPhase && _mainAbandoned)
                return false;
            record();
            return true;
        }
    }

    // The first problem sets the status; failures found later (e.g. in after-hooks) take over only from OK/Skipped.
    private void MarkContext(ScenarioExecutionStatus status, Exception? error)
    {
        if (context.ScenarioExecutionStatus is ScenarioExecutionStatus.OK or ScenarioExecutionStatus.Skipped)
        {
            context.ScenarioExecutionStatus = status;
            context.TestError ??= error;
        }
    }
}
