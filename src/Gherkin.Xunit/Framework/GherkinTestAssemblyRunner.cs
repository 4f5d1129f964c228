using System.Reflection;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Gherkin.Xunit.Execution;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChaosFeatures.Gherkin.Xunit.Framework;

/// <summary>
/// Reqnroll's test run around xUnit's: it starts with the assembly (BeforeTestRun, before any case, so
/// parallel first cases do not queue behind it), a feature ends when its test collection finishes
/// (AfterFeature), and the run ends with the assembly (AfterTestRun, reports written).
/// </summary>
internal sealed class GherkinTestAssemblyRunner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases,
    IMessageSink diagnosticMessageSink, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
    : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
{
    private SuiteSession? _session;

    protected override async Task AfterTestAssemblyStartingAsync()
    {
        await base.AfterTestAssemblyStartingAsync(); // reads the assembly's orderer attributes
        TestCaseOrderer = new ScenarioOrderer();
        await StartReqnrollAsync();
    }

    /// <summary>Only when Gherkin cases are among those to run (a filter may leave none), with exactly those cases as the reports' pickles.</summary>
    private async Task StartReqnrollAsync()
    {
        var gherkin = TestCases.OfType<GherkinTestCase>().ToList();
        if (gherkin.Count == 0)
            return;
        try
        {
            _session = gherkin[0].Session;
            var planned = gherkin.Select(c => c.Case).OfType<Model.TestCase>().DistinctBy(c => c.Id).OrderBy(c => _session.Suite.IndexOf(c.Id)).ToList();
            _session.Run = await SuiteRun.StartAsync(new SuiteRunOptions(gherkin[0].RuntimeAssembly, _session.Suite)
            {
                Planned = planned,
                Shard = _session.Shard,
                ScenarioTimeout = TimeSpan.FromSeconds(_session.Configuration.Chaos.ScenarioTimeoutSeconds),
            });
        }
        catch (Exception e)
        {
            if (_session is not null)
                _session.RunError = $"The Reqnroll test run could not start: {e.Message}";
            ExecutionMessageSink.OnMessage(new TestAssemblyCleanupFailure(TestCases, TestAssembly, e));
        }
    }

    protected override async Task<RunSummary> RunTestCollectionAsync(IMessageBus messageBus, ITestCollection testCollection,
        IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource)
    {
        var cases = testCases.ToList();
        var summary = await base.RunTestCollectionAsync(messageBus, testCollection, cases, cancellationTokenSource);
        var featurePath = cases.OfType<GherkinTestCase>().Select(c => c.FeaturePath).FirstOrDefault(p => p.Length > 0);
        if (featurePath is null || _session?.Run is not { } run)
            return summary;
        try
        {
            await run.FinishFeatureAsync(featurePath);
        }
        catch (Exception e)
        {
            messageBus.QueueMessage(new TestCollectionCleanupFailure(cases, testCollection, e));
        }
        return summary;
    }

    protected override async Task BeforeTestAssemblyFinishedAsync()
    {
        if (_session?.Run is { } run)
        {
            _session.Run = null;
            try
            {
                await run.DisposeAsync();
            }
            catch (Exception e)
            {
                ExecutionMessageSink.OnMessage(new TestAssemblyCleanupFailure(TestCases, TestAssembly, e));
            }
        }
        await base.BeforeTestAssemblyFinishedAsync();
    }
}
