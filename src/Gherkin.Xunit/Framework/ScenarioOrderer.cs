using ChaosFeatures.Gherkin.Xunit.Execution;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChaosFeatures.Gherkin.Xunit.Framework;

/// <summary>Scenarios of a feature run in the order they are written (then row, then combination).</summary>
internal sealed class ScenarioOrderer : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(c => c is GherkinTestCase g ? g.SuiteIndex : -1).ThenBy(c => c.UniqueID, StringComparer.Ordinal);
}
