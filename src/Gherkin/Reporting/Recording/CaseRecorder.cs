using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Reporting.Recording;

/// <summary>
/// Collects the events of one running case. Events normally come from the case's own thread, but the
/// watchdog reports a hung case from another one, hence the lock.
/// </summary>
internal sealed class CaseRecorder(TestCase testCase, DateTimeOffset started)
{
    private readonly object _gate = new();
    private readonly Dictionary<TestStepInfo, DateTimeOffset> _stepStarts = [];
    private readonly Dictionary<TestStepInfo, DateTimeOffset> _stepEnds = [];
    private readonly Dictionary<TestStepInfo, List<RecordedAttachment>> _attachments = [];
    private readonly List<RecordedAttachment> _loose = [];
    private TestStepInfo? _current;

    public void StepStarted(TestStepInfo step, DateTimeOffset at)
    {
        lock (_gate)
        {
            _stepStarts.TryAdd(step, at);
            _current = step;
        }
    }

    public void StepFinished(TestStepInfo step, DateTimeOffset at)
    {
        lock (_gate)
        {
            _stepEnds.TryAdd(step, at);
            if (Equals(_current, step))
                _current = null;
        }
    }

    public void Attachment(string body, string mediaType, DateTimeOffset at)
    {
        var attachment = new RecordedAttachment(body, mediaType, at);
        lock (_gate)
        {
            if (_current is { } step)
                (_attachments.TryGetValue(step, out var list) ? list : _attachments[step] = []).Add(attachment);
            else
                _loose.Add(attachment);
        }
    }

    /// <summary>
    /// The case as reported. The result's step list is authoritative (it also holds steps that never
    /// started, such as those of an ignored case); steps without a recorded time get the case's end.
    /// </summary>
    public RecordedCase Finish(TestCaseResult result, int attempt, DateTimeOffset finished)
    {
        lock (_gate)
        {
            var steps = result.Steps.Select(step =>
            {
                var start = _stepStarts.GetValueOrDefault(step.Info, finished);
                var end = _stepEnds.GetValueOrDefault(step.Info, finished);
                return new RecordedStep(step, start, end < start ? start : end, _attachments.GetValueOrDefault(step.Info) ?? []);
            }).ToList();
            return new RecordedCase(testCase, result, attempt, started, finished, steps, [.. _loose]);
        }
    }
}
