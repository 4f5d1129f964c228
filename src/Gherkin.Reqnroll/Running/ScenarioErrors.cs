using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Reqnroll;
using Reqnroll;
using Reqnroll.Infrastructure;

namespace ChaosFeatures.Gherkin.Running;

/// <summary>
/// The text of the error a scenario ended with. Under <c>missingOrPendingStepsOutcome: Error</c> Reqnroll throws
/// bare undefined/pending exceptions; the snippet and the list of pending steps come from its own message
/// factories, read here while the scenario context still exists.
/// </summary>
internal static class ScenarioErrors
{
    public static string Describe(Exception error, ITestRunner runner, CaseStep? failingStep)
    {
        var container = runner.TestThreadContext.TestThreadContainer;
        return error switch
        {
            MissingStepDefinitionException => container.Resolve<ITestUndefinedMessageFactory>().BuildFromContext(runner.ScenarioContext, runner.FeatureContext),
            PendingStepException => container.Resolve<ITestPendingMessageFactory>().BuildFromScenarioContext(runner.ScenarioContext),
            CaseSkippedException skipped => skipped.Message,
            _ when failingStep is not null => $"Step failed: {failingStep.Keyword.Trim()} {failingStep.Text} (line {failingStep.Line}){Environment.NewLine}{ErrorText.Of(error)}",
            _ => ErrorText.Of(error),
        };
    }
}
