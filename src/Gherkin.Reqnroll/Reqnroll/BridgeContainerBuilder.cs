using Reqnroll.Analytics;
using Reqnroll.BoDi;
using Reqnroll.Configuration;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;

namespace ChaosFeatures.Gherkin.Reqnroll;

/// <summary>
/// Reqnroll's container builder with the bridge's plugin registered from code (no plugin assembly to
/// scan for), the suite's reqnroll.json and telemetry off unless asked for.
/// </summary>
internal sealed class BridgeContainerBuilder(BridgePlugin plugin, string reqnrollJsonPath, IReadOnlyList<string> assemblyFolders) : ContainerBuilder
{
    protected override void RegisterDefaults(ObjectContainer container)
    {
        base.RegisterDefaults(container);
        container.RegisterInstanceAs<IRuntimePlugin>(plugin, BridgePlugin.Name);
        container.RegisterInstanceAs<IReqnrollJsonLocator>(new SuiteJsonLocator(reqnrollJsonPath));
        container.RegisterTypeAs<OptInTelemetry, IEnvironmentReqnrollTelemetryChecker>();
        container.RegisterTypeAs<RunTraceListener, ITraceListener>();
        container.RegisterInstanceAs<IBindingAssemblyLoader>(new ProbingBindingAssemblyLoader(assemblyFolders));
    }
}
