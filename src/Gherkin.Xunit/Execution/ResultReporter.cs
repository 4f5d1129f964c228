using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChaosFeatures.Gherkin.Xunit.Execution;

/// <summary>
/// Sends the complete xUnit message sequence for one test (case starting, test starting, the
/// verdict, test finished, case finished). A verdict reached at run time — a skip for a missing
/// requirement, say — needs all of them with the real test object, or runners show
/// "&lt;unknown test&gt;".
/// </summary>
internal static class ResultReporter
{
    public static RunSummary Report(IMessageBus bus, IXunitTestCase testCase, Verdict verdict, CancellationTokenSource cancellation)
    {
        var test = new XunitTest(testCase, testCase.DisplayName);
        var time = (decimal)verdict.Duration.TotalSeconds;
        Send(bus, new TestCaseStarting(testCase), cancellation);
        Send(bus, new TestStarting(test), cancellation);
        IMessageSinkMessage outcome = verdict.Kind switch
        {
            VerdictKind.Passed => new TestPassed(test, time, verdict.Output),
            VerdictKind.Skipped => new TestSkipped(test, verdict.Message),
            _ => new TestFailed(test, time, verdict.Output, [verdict.ErrorType], [verdict.Message], [verdict.StackTrace], [-1]),
        };
        Send(bus, outcome, cancellation);
        Send(bus, new TestFinished(test, time, verdict.Output), cancellation);
        var failed = verdict.Kind == VerdictKind.Failed ? 1 : 0;
        var skipped = verdict.Kind == VerdictKind.Skipped ? 1 : 0;
        Send(bus, new TestCaseFinished(testCase, time, 1, failed, skipped), cancellation);
        return new RunSummary { Total = 1, Failed = failed, Skipped = skipped, Time = time };
    }

    private static void Send(IMessageBus bus, IMessageSinkMessage message, CancellationTokenSource cancellation)
    {
        if (!bus.QueueMessage(message)) cancellation.Cancel();
    }
}

internal enum VerdictKind { Passed, Failed, Skipped }

/// <summary>What a test came to, in the terms xUnit needs.</summary>
internal sealed record Verdict(VerdictKind Kind, TimeSpan Duration, string Message, string Output, string ErrorType, string? StackTrace)
{
    public static Verdict Failed(string message, string errorType = "ChaosFeatures.Gherkin.ScenarioFailure", string? stackTrace = null, TimeSpan duration = default, string output = "") =>
        new(VerdictKind.Failed, duration, message, output, errorType, stackTrace);

    public static Verdict Skipped(string reason) => new(VerdictKind.Skipped, TimeSpan.Zero, reason, "", "", null);
}
