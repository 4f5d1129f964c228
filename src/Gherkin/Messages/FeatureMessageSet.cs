using Io.Cucumber.Messages.Types;

namespace ChaosFeatures.Gherkin.Messages;

/// <summary>One feature's static Cucumber messages: its source, its Gherkin document and one pickle per planned case, in order.</summary>
internal sealed record FeatureMessageSet(Source Source, GherkinDocument Document, IReadOnlyList<Pickle> Pickles);
