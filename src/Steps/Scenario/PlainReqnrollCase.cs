using ChaosFeatures.Gherkin.Model;
using Reqnroll;

namespace ChaosFeatures.Steps.Scenario;

/// <summary>
/// The case identity of a scenario run by plain Reqnroll (generated code-behind, no ChaosFeatures bridge):
/// what Reqnroll tells about it. Its id (folder, feature and scenario titles, Examples values) seeds the
/// chaos as a bridge case id would; its replay descriptor has no line or mutation choices, so freeze cannot
/// regenerate it, but the timeline and seeds still say what happened.
/// </summary>
internal static class PlainReqnrollCase
{
    public static TestCase Of(ScenarioInfo scenario, FeatureInfo feature)
    {
        var row = scenario.Arguments?.Count > 0
            ? string.Join(",", scenario.Arguments.Keys.Cast<object>().Select(k => $"{k}={scenario.Arguments[k]}"))
            : null;
        var id = $"{feature.FolderPath}/{feature.Title}::{scenario.Title}" + (row is null ? "" : $"::{row}");
        var featureDescriptor = new FeatureDescriptor(feature.FolderPath, feature.FolderPath, feature.Title, feature.Description, [.. feature.Tags], feature.Language.Name);
        return new TestCase(id, $"{feature.Title}: {scenario.Title}", featureDescriptor, scenario.Title, 0, scenario.Description, null,
            [.. scenario.CombinedTags.Distinct()], null, null, [], [], [], null);
    }
}
