using ChaosFeatures.Gherkin.Messages;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;

namespace ChaosFeatures.Gherkin.Running;

/// <summary>
/// What generated code-behind embeds as a resource and Reqnroll publishes when a feature starts: the
/// source, the Gherkin document and one pickle per case this run will execute (pickle <i>i</i> is the case
/// run with pickle index <i>i</i>).
/// </summary>
internal sealed class FeatureMessages(FeatureMessageSet messages) : IFeatureLevelCucumberMessages
{
    public bool HasMessages => true;

    public Source Source => messages.Source;

    public GherkinDocument GherkinDocument => messages.Document;

    public IEnumerable<Pickle> Pickles => messages.Pickles;
}
