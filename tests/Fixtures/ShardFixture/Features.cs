using ChaosFeatures.Gherkin.Xunit;
using ChaosFeatures.Gherkin.Xunit.Framework;
using Xunit;

[assembly: TestFramework(GherkinTestFramework.TypeName, GherkinTestFramework.AssemblyName)]

namespace ChaosFeatures.ShardFixture;

public class Features
{
    [GherkinFeatures("features")]
    public void Scenarios() { }
}
