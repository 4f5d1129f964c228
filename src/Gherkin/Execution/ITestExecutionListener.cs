using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Execution;

/// <summary>
/// Observes a run (reporters, formatters). Calls come from the threads running the cases, so an
/// implementation must be thread-safe; exceptions it throws are swallowed so a reporter never breaks the run.
/// </summary>
public interface ITestExecutionListener
{
    void TestRunStarted()
    {
    }

    void TestCaseStarted(TestCase testCase)
    {
    }

    void StepStarted(TestCase testCase, TestStepInfo step)
    {
    }

    void StepFinished(TestCase testCase, StepResult result)
    {
    }

    void Attachment(TestCase testCase, string body, string mediaType)
    {
    }

    void TestCaseFinished(TestCase testCase, TestCaseResult result)
    {
    }

    void TestRunFinished(bool success)
    {
    }
}
