using ChaosFeatures.Gherkin.Running;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChaosFeatures.Gherkin.Xunit.Execution;

/// <summary>
/// Sends the complete xUnit message sequence for one test (case starting, test starting, the
/// result, test finished, case finished). A result reached at run time — a skip for a missing
/// requirement, say — needs all of them with the real test object, or runners show
/// "&lt;unknown test&gt;".
/// </summary>
internal static class ResultReporter
{
    public static RunSummary Report(IMessageBus bus, IXunitTestCase testCase, CaseResult result, CancellationTokenSource cancellation)
    {
        var test = new XunitTest(testCase, testCase.DisplayName);
        var time = (decimal)result.Duration.TotalSeconds;
        var output = result.Output.Count == 0 ? "" : string.Join(Environment.NewLine, result.Output) + Environment.NewLine;
        Send(bus, new TestCaseStarting(testCase), cancellation);
        Send(bus, new TestStarting(test), cancellation);
        IMessageSinkMessage outcome = result.Status switch
        {
            CaseStatus.Passed => new TestPassed(test, time, output),
            CaseStatus.Skipped => new TestSkipped(test, result.SkipReason ?? "skipped"),
            _ => new TestFailed(test, time, output, [result.ErrorType ?? "ChaosFeatures.ScenarioFailure"], [result.Message ?? "failed"], [result.StackTrace], [-1]),
        };
        Send(bus, outcome, cancellation);
        Send(bus, new TestFinished(test, time, output), cancellation);
        var failed = result.Status == CaseStatus.Failed ? 1 : 0;
        var skipped = result.Status == CaseStatus.Skipped ? 1 : 0;
        Send(bus, new TestCaseFinished(testCase, time, 1, failed, skipped), cancellation);
        return new RunSummary { Total = 1, Failed = failed, Skipped = skipped, Time = time };
    }

    private static void Send(IMessageBus bus, IMessageSinkMessage message, CancellationTokenSource cancellation)
    {
        if (!bus.QueueMessage(message)) cancellation.Cancel();
    }
}
