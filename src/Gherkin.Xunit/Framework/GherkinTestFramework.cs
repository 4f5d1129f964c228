using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChaosFeatures.Gherkin.Xunit.Framework;

/// <summary>
/// xUnit's own framework plus the Gherkin lifecycle: scenarios run in file order, a feature's
/// [AfterFeature] hooks run when its test collection finishes, [AfterTestRun] when the assembly does.
/// Enable with <c>[assembly: TestFramework(GherkinTestFramework.TypeName, GherkinTestFramework.AssemblyName)]</c>.
/// </summary>
public sealed class GherkinTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    public const string TypeName = "ChaosFeatures.Gherkin.Xunit.Framework.GherkinTestFramework";
    public const string AssemblyName = "ChaosFeatures.Gherkin.Xunit";

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new GherkinTestFrameworkExecutor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);
}
