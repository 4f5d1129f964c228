using ChaosFeatures.Gherkin.Xunit;
using ChaosFeatures.Gherkin.Xunit.Framework;
using Xunit;

[assembly: TestFramework(GherkinTestFramework.TypeName, GherkinTestFramework.AssemblyName)]

namespace ChaosFeatures.Specs;

/// <summary>
/// Every scenario under <c>features/</c> becomes its own xUnit test through this marker; the
/// method body never runs (each test case runs its scenario instead).
/// </summary>
public class Features
{
    [GherkinFeatures("features")]
    public void Scenarios() { }
}
