using System.Text.Json.Nodes;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Reporting.Messages;

/// <summary>
/// The <c>pickle</c> message of a test case. Our expanded case is the pickle (one per row and mutation
/// combination), so its steps are the flattened mutation rows with fuzzed values resolved; a mutation
/// step points at its <c>one of:</c>/<c>any of:</c> step in the document.
/// </summary>
internal static class PickleBuilder
{
    public static JsonObject Build(TestCase testCase, AstIndex index)
    {
        var scenarioId = index.Scenario(testCase.ScenarioLine) ?? throw Missing(testCase, "scenario", testCase.ScenarioLine);
        var rowId = testCase.Example is { } example ? index.ExampleRow(example.Line) ?? throw Missing(testCase, "Examples row", example.Line) : null;
        return Json.Object(
            ("id", MessageIds.Pickle(testCase.Id)),
            ("uri", testCase.Feature.Path),
            ("location", Json.Location(testCase.Example?.Line ?? testCase.ScenarioLine)),
            ("name", CaseTitle.Of(testCase)),
            ("language", testCase.Feature.Language),
            ("steps", Json.Array(testCase.Steps.Select((step, i) => (JsonNode?)Step(testCase, step, i, index, rowId)))),
            ("tags", Json.Array(testCase.Tags.Select(tag => (JsonNode?)Json.Object(
                ("name", "@" + tag),
                ("astNodeId", index.Tag(tag, testCase.ScenarioLine, testCase.Example?.Line) ?? scenarioId))))),
            ("astNodeIds", Json.Strings(rowId is null ? [scenarioId] : [scenarioId, rowId])));
    }

    private static JsonObject Step(TestCase testCase, CaseStep step, int i, AstIndex index, string? rowId)
    {
        var astLine = step.MutationBlockLine ?? step.Line;
        var stepId = index.Step(astLine) ?? throw Missing(testCase, "step", astLine);
        return Json.Object(
            ("argument", Argument(step.Argument)),
            ("astNodeIds", Json.Strings(rowId is null ? [stepId] : [stepId, rowId])),
            ("id", MessageIds.PickleStep(testCase.Id, i)),
            ("type", step.KeywordType switch
            {
                StepKeywordType.Given => "Context",
                StepKeywordType.When => "Action",
                _ => "Outcome",
            }),
            ("text", step.Text));
    }

    private static JsonObject? Argument(StepArgument? argument) => argument switch
    {
        TableArgument table => Json.Object(("dataTable", Json.Object(("rows", Json.Array(table.Rows.Select(TableRow)))))),
        DocStringArgument doc => Json.Object(("docString", Json.Object(("mediaType", doc.MediaType), ("content", doc.Content)))),
        _ => null,
    };

    private static JsonNode TableRow(IReadOnlyList<string> cells) =>
        Json.Object(("cells", Json.Array(cells.Select(cell => (JsonNode?)Json.Object(("value", cell))))));

    private static InvalidOperationException Missing(TestCase testCase, string what, int line) =>
        new($"Test case '{testCase.Id}' refers to a {what} at line {line} that is not in the parsed document of {testCase.Feature.Path}");
}
