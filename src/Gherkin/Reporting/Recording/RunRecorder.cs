using System.Collections.Concurrent;
using ChaosFeatures.Gherkin.Bindings;
using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Reporting.Recording;

/// <summary>
/// Listens to a run (cases of different features arrive concurrently) and keeps, per case, what
/// happened; <see cref="Snapshot"/> turns it into the <see cref="RecordedRun"/> reports are rendered from.
/// </summary>
internal sealed class RunRecorder(FeatureSuite suite, TimeProvider clock) : ITestExecutionListener
{
    private readonly ConcurrentDictionary<string, CaseRecorder> _running = new(StringComparer.Ordinal);
    private readonly List<RecordedCase> _finished = [];
    private readonly Dictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _created = clock.GetUtcNow();
    private DateTimeOffset? _started;
    private IReadOnlyList<StepDefinitionInfo> _stepDefinitions = [];
    private IReadOnlyList<HookInfo> _hooks = [];

    /// <summary>The bindings exist only once the run does, which needs its listeners first.</summary>
    public void DescribeBindings(IReadOnlyList<StepDefinitionInfo> stepDefinitions, IReadOnlyList<HookInfo> hooks)
    {
        _stepDefinitions = stepDefinitions;
        _hooks = hooks;
    }

    public void TestRunStarted()
    {
        lock (_finished)
            _started ??= clock.GetUtcNow();
    }

    public void TestCaseStarted(TestCase testCase) => _running[testCase.Id] = new CaseRecorder(testCase, clock.GetUtcNow());

    public void StepStarted(TestCase testCase, TestStepInfo step) => Running(testCase)?.StepStarted(step, clock.GetUtcNow());

    public void StepFinished(TestCase testCase, StepResult result) => Running(testCase)?.StepFinished(result.Info, clock.GetUtcNow());

    public void Attachment(TestCase testCase, string body, string mediaType) => Running(testCase)?.Attachment(body, mediaType, clock.GetUtcNow());

    public void TestCaseFinished(TestCase testCase, TestCaseResult result)
    {
        var now = clock.GetUtcNow();
        var recorder = _running.TryRemove(testCase.Id, out var running) ? running : new CaseRecorder(testCase, now);
        lock (_finished)
        {
            var attempt = _attempts.GetValueOrDefault(testCase.Id);
            _attempts[testCase.Id] = attempt + 1;
            _finished.Add(recorder.Finish(result, attempt, now));
        }
    }

    public RecordedRun Snapshot(bool success)
    {
        lock (_finished)
            return new RecordedRun(suite, _stepDefinitions, _hooks, _started ?? _created, clock.GetUtcNow(), success, [.. _finished]);
    }

    private CaseRecorder? Running(TestCase testCase) => _running.GetValueOrDefault(testCase.Id);
}
