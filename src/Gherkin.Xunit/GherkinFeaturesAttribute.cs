using Xunit;
using Xunit.Sdk;

namespace ChaosFeatures.Gherkin.Xunit;

/// <summary>
/// Put on one empty test method to turn every <c>.feature</c> file under <paramref name="paths"/>
/// into xUnit tests: one test per expanded test case (Examples row x mutation combination),
/// with a <c>Category</c> trait per tag. Paths are relative to the suite root, the nearest folder
/// above the test assembly that holds <c>reqnroll.json</c> (or <c>CHAOS_SUITE_ROOT</c>).
/// Pair it with <c>[assembly: TestFramework(GherkinTestFramework.TypeName, GherkinTestFramework.AssemblyName)]</c>
/// so feature and test-run hooks run.
/// </summary>
[XunitTestCaseDiscoverer("ChaosFeatures.Gherkin.Xunit.Discovery.GherkinDiscoverer", "ChaosFeatures.Gherkin.Xunit")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class GherkinFeaturesAttribute(params string[] paths) : FactAttribute
{
    public IReadOnlyList<string> Paths { get; } = paths.Length == 0 ? ["features"] : paths;
}
