using ChaosFeatures.Gherkin.Xunit.Execution;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChaosFeatures.Gherkin.Xunit.Framework;

/// <summary>Runs the feature collections and closes each feature, then the test run.</summary>
internal sealed class GherkinTestAssemblyRunner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases,
    IMessageSink diagnosticMessageSink, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
    : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
{
    protected override async Task AfterTestAssemblyStartingAsync()
    {
        await base.AfterTestAssemblyStartingAsync(); // reads the assembly's orderer attributes
        TestCaseOrderer = new ScenarioOrderer();
    }

    protected override async Task<RunSummary> RunTestCollectionAsync(IMessageBus messageBus, ITestCollection testCollection,
        IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource)
    {
        var cases = testCases.ToList();
        var summary = await base.RunTestCollectionAsync(messageBus, testCollection, cases, cancellationTokenSource);
        var featurePath = cases.OfType<GherkinTestCase>().Select(c => c.FeaturePath).FirstOrDefault(p => p.Length > 0);
        if (featurePath is null) return summary;
        try
        {
            await SuiteSession.FinishFeatureAsync(featurePath);
        }
        catch (Exception e)
        {
            messageBus.QueueMessage(new TestCollectionCleanupFailure(cases, testCollection, e));
        }
        return summary;
    }

    protected override async Task BeforeTestAssemblyFinishedAsync()
    {
        try
        {
            await SuiteSession.ShutdownAsync();
        }
        catch (Exception e)
        {
            ExecutionMessageSink.OnMessage(new TestAssemblyCleanupFailure(TestCases, TestAssembly, e));
        }
        await base.BeforeTestAssemblyFinishedAsync();
    }
}
