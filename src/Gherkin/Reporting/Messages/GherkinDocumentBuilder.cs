using System.Text.Json.Nodes;
using Ast = Gherkin.Ast;

namespace ChaosFeatures.Gherkin.Reporting.Messages;

/// <summary>
/// The <c>gherkinDocument</c> message from a Gherkin 5 AST. Gherkin 5 predates messages, so this
/// mints the ids (from positions) and fills in what the old AST lacks, such as doc string delimiters.
/// </summary>
internal sealed class GherkinDocumentBuilder(string uri, string source)
{
    private readonly string[] _lines = source.Split('\n');

    public AstIndex Index { get; } = new();

    public JsonObject Build(Ast.GherkinDocument document) => Json.Object(
        ("uri", uri),
        ("feature", document.Feature is { } feature ? Feature(feature) : null),
        ("comments", Json.Array(document.Comments.Select(c => (JsonNode?)Json.Object(("location", Json.Location(c.Location)), ("text", c.Text))))));

    private JsonObject Feature(Ast.Feature feature) => Json.Object(
        ("location", Json.Location(feature.Location)),
        ("tags", Tags(IndexTags(feature.Tags, AstIndex.FeatureAnchor))),
        ("language", feature.Language),
        ("keyword", feature.Keyword),
        ("name", feature.Name ?? ""),
        ("description", feature.Description ?? ""),
        ("children", Json.Array(feature.Children.Select(child => (JsonNode?)(child is Ast.Background background
            ? Json.Object(("background", Background(background)))
            : Json.Object(("scenario", Scenario(child))))))));

    private JsonObject Background(Ast.Background background) => Json.Object(
        ("location", Json.Location(background.Location)),
        ("keyword", background.Keyword),
        ("name", background.Name ?? ""),
        ("description", background.Description ?? ""),
        ("steps", Steps(background.Steps)),
        ("id", Id(background.Location)));

    private JsonObject Scenario(Ast.ScenarioDefinition scenario)
    {
        var line = scenario.Location.Line;
        var id = Id(scenario.Location);
        Index.AddScenario(line, id);
        var examples = scenario is Ast.ScenarioOutline outline ? outline.Examples : [];
        return Json.Object(
            ("location", Json.Location(scenario.Location)),
            ("tags", Tags(IndexTags(scenario is Ast.IHasTags tagged ? tagged.Tags : [], line))),
            ("keyword", scenario.Keyword),
            ("name", scenario.Name ?? ""),
            ("description", scenario.Description ?? ""),
            ("steps", Steps(scenario.Steps)),
            ("examples", Json.Array(examples.Select(e => (JsonNode?)Examples(e)))),
            ("id", id));
    }

    private JsonObject Examples(Ast.Examples examples)
    {
        var body = (examples.TableBody ?? []).ToList();
        foreach (var row in body)
            Index.AddExampleRow(row.Location.Line, Id(row.Location));
        // Examples tags apply to each of its rows, which is how test cases find them.
        foreach (var row in body)
            IndexTags(examples.Tags, row.Location.Line);
        return Json.Object(
            ("location", Json.Location(examples.Location)),
            ("tags", Tags(examples.Tags)),
            ("keyword", examples.Keyword),
            ("name", examples.Name ?? ""),
            ("description", examples.Description ?? ""),
            ("tableHeader", examples.TableHeader is { } header ? Row(header) : null),
            ("tableBody", Json.Array(body.Select(r => (JsonNode?)Row(r)))),
            ("id", Id(examples.Location)));
    }

    private JsonArray Steps(IEnumerable<Ast.Step> steps) => Json.Array(steps.Select(step =>
    {
        var id = Id(step.Location);
        Index.AddStep(step.Location.Line, id);
        return (JsonNode?)Json.Object(
            ("location", Json.Location(step.Location)),
            ("keyword", step.Keyword),
            ("text", step.Text),
            ("docString", step.Argument is Ast.DocString doc ? DocString(doc) : null),
            ("dataTable", step.Argument is Ast.DataTable table
                ? Json.Object(("location", Json.Location(table.Location)), ("rows", Json.Array(table.Rows.Select(r => (JsonNode?)Row(r)))))
                : null),
            ("id", id));
    }));

    private JsonObject DocString(Ast.DocString doc) => Json.Object(
        ("location", Json.Location(doc.Location)),
        ("mediaType", string.IsNullOrEmpty(doc.ContentType) ? null : doc.ContentType),
        ("content", doc.Content),
        ("delimiter", Delimiter(doc.Location.Line)));

    // Gherkin 5 does not keep which fence opened the doc string; the line it starts on does.
    private string Delimiter(int line) =>
        line >= 1 && line <= _lines.Length && _lines[line - 1].TrimStart().StartsWith("```", StringComparison.Ordinal) ? "```" : "\"\"\"";

    private JsonObject Row(Ast.TableRow row) => Json.Object(
        ("location", Json.Location(row.Location)),
        ("cells", Json.Array(row.Cells.Select(c => (JsonNode?)Json.Object(("location", Json.Location(c.Location)), ("value", c.Value))))),
        ("id", Id(row.Location)));

    private JsonArray Tags(IEnumerable<Ast.Tag> tags) => Json.Array(tags.Select(tag =>
        (JsonNode?)Json.Object(("location", Json.Location(tag.Location)), ("name", tag.Name), ("id", Id(tag.Location)))));

    private IEnumerable<Ast.Tag> IndexTags(IEnumerable<Ast.Tag> tags, int anchorLine)
    {
        var list = tags.ToList();
        foreach (var tag in list)
            Index.AddTag(anchorLine, tag.Name.TrimStart('@'), Id(tag.Location));
        return list;
    }

    private string Id(Ast.Location location) => MessageIds.AstNode(uri, location.Line, location.Column);
}
