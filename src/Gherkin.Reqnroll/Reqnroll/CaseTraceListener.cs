using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Running;
using Reqnroll;
using Reqnroll.BoDi;
using Reqnroll.Infrastructure;
using Reqnroll.Tracing;

namespace ChaosFeatures.Gherkin.Reqnroll;

/// <summary>
/// Reqnroll's step trace and <c>IReqnrollOutputHelper</c> lines, into the output of the case running on
/// this test thread (as the xUnit plugin writes into <c>ITestOutputHelper</c>). Lines outside a case
/// (feature and run hooks) have no test to belong to and are dropped.
/// </summary>
internal sealed class CaseTraceListener(IObjectContainer container) : ITraceListener
{
    // Resolved late: the context manager itself depends on the tracer that uses this listener.
    private readonly Lazy<IContextManager> _contextManager = new(container.Resolve<IContextManager>);

    public void WriteTestOutput(string message) => Current()?.AddOutput(message);

    public void WriteToolOutput(string message) => Current()?.AddOutput("-> " + message);

    // Every step writes twice (its text, then how it went): the scenario's run is looked up once per scenario.
    private ScenarioContext? _lastScenario;
    private CaseRun? _lastRun;

    private CaseRun? Current()
    {
        var scenario = _contextManager.Value.ScenarioContext;
        if (ReferenceEquals(scenario, _lastScenario))
            return _lastRun;
        var container = scenario?.ScenarioContainer;
        _lastRun = container is not null && container.IsRegistered<CaseRun>() ? container.Resolve<CaseRun>() : null;
        _lastScenario = scenario;
        return _lastRun;
    }
}
