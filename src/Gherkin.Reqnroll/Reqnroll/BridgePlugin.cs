using ChaosFeatures.Gherkin.Reporting;
using Reqnroll.Formatters;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Infrastructure;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

namespace ChaosFeatures.Gherkin.Reqnroll;

/// <summary>
/// What Reqnroll's xUnit plugin registers, done for the bridge: the unit test runtime provider, a trace
/// listener and attachment handler per test thread (so <c>IReqnrollOutputHelper</c> resolves and writes
/// into the running case), and the report formatters, all writing under the suite root. Beyond the plugin: step
/// matches are remembered for the run (<see cref="RememberedStepMatches"/>).
/// </summary>
internal sealed class BridgePlugin(ReportContext reports, bool formatters) : IRuntimePlugin
{
    public const string Name = "ChaosFeatures.Bridge";

    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters,
        UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        unitTestProviderConfiguration.UseUnitTestProvider(BridgeRuntimeProvider.Name);
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
        {
            var container = e.ObjectContainer;
            container.RegisterTypeAs<BridgeRuntimeProvider, IUnitTestRuntimeProvider>(BridgeRuntimeProvider.Name);
            container.RegisterInstanceAs(reports);
            container.RegisterTypeAs<RememberedStepMatches.Memory, RememberedStepMatches.Memory>();
            // Reqnroll's own two formatters, writing under the suite root and whole at the end, and ours from the same messages.
            container.RegisterTypeAs<SuiteMessageFormatter, ICucumberMessageFormatter>(SuiteMessageFormatter.FormatterName);
            container.RegisterTypeAs<SuiteHtmlFormatter, ICucumberMessageFormatter>(SuiteHtmlFormatter.FormatterName);
            container.RegisterTypeAs<JUnitFormatter, ICucumberMessageFormatter>(JUnitFormatter.FormatterName);
            container.RegisterTypeAs<ChaosPageFormatter, ICucumberMessageFormatter>(ChaosPageFormatter.FormatterName);
            if (!formatters)
                container.RegisterTypeAs<FormattersOff, IFormattersConfigurationDisableOverrideProvider>();
        };
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
        {
            e.ObjectContainer.RegisterTypeAs<CaseTraceListener, ITraceListener>();
            e.ObjectContainer.RegisterTypeAs<ReqnrollAttachmentHandler, IReqnrollAttachmentHandler>();
            e.ObjectContainer.RegisterTypeAs<RememberedStepMatches, IStepDefinitionMatchService>();
        };
    }
}
