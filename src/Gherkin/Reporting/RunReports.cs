using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Reporting.Recording;

namespace ChaosFeatures.Gherkin.Reporting;

/// <summary>
/// The formatters of one run as a single listener: records the run once and, when it finishes,
/// writes every report atomically. The run swallows listener exceptions (a report must never change
/// a test result), so failures are printed to stderr at once and kept for <see cref="ThrowIfFailed"/>,
/// which the host calls after disposing the run so the failure shows up as a cleanup error.
/// </summary>
public sealed class RunReports : ITestExecutionListener
{
    private readonly RunRecorder _recorder;
    private readonly IReadOnlyList<ReportTarget> _targets;
    private readonly List<Exception> _failures = [];

    public RunReports(FeatureSuite suite, IReadOnlyList<ReportTarget> targets, TimeProvider? clock = null)
    {
        _recorder = new RunRecorder(suite, clock ?? TimeProvider.System);
        _targets = targets;
    }

    public IReadOnlyList<ReportTarget> Targets => _targets;

    /// <summary>Call right after creating the <see cref="TestRun"/> with this listener: reports list every binding.</summary>
    public void DescribeBindings(TestRun run) => _recorder.DescribeBindings(run.StepDefinitions, run.Hooks);

    public void TestRunStarted() => _recorder.TestRunStarted();

    public void TestCaseStarted(TestCase testCase) => _recorder.TestCaseStarted(testCase);

    public void StepStarted(TestCase testCase, TestStepInfo step) => _recorder.StepStarted(testCase, step);

    public void StepFinished(TestCase testCase, StepResult result) => _recorder.StepFinished(testCase, result);

    public void Attachment(TestCase testCase, string body, string mediaType) => _recorder.Attachment(testCase, body, mediaType);

    public void TestCaseFinished(TestCase testCase, TestCaseResult result) => _recorder.TestCaseFinished(testCase, result);

    public void TestRunFinished(bool success)
    {
        var run = _recorder.Snapshot(success);
        foreach (var target in _targets)
        {
            try
            {
                AtomicFile.Write(target.OutputPath, stream => target.Format.Write(run, stream));
            }
            catch (Exception e)
            {
                var failure = new IOException($"The '{target.Format.Name}' report could not be written to {target.OutputPath}: {e.Message}", e);
                Console.Error.WriteLine(failure.Message);
                lock (_failures)
                    _failures.Add(failure);
            }
        }
    }

    /// <summary>Throws when a report could not be written, so the host reports it instead of a silently missing file.</summary>
    public void ThrowIfFailed()
    {
        lock (_failures)
        {
            if (_failures.Count == 1)
                throw _failures[0];
            if (_failures.Count > 1)
                throw new AggregateException("Reports could not be written.", _failures);
        }
    }
}
