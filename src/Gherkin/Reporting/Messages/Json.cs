using System.Text.Json.Nodes;
using Ast = Gherkin.Ast;

namespace ChaosFeatures.Gherkin.Reporting.Messages;

/// <summary>Small builders for message JSON: Cucumber Messages omit absent fields rather than writing null.</summary>
internal static class Json
{
    public static JsonObject Object(params (string Name, JsonNode? Value)[] fields)
    {
        var json = new JsonObject();
        foreach (var (name, value) in fields)
        {
            if (value is not null)
                json[name] = value;
        }
        return json;
    }

    public static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);

    public static JsonArray Strings(IEnumerable<string> items) => Array(items.Select(i => (JsonNode?)i));

    public static JsonObject Envelope(string type, JsonObject message) => new() { [type] = message };

    public static JsonObject Timestamp(DateTimeOffset at)
    {
        var ticks = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return Object(("seconds", ticks / TimeSpan.TicksPerSecond), ("nanos", ticks % TimeSpan.TicksPerSecond * 100));
    }

    public static JsonObject Duration(TimeSpan span)
    {
        var ticks = Math.Max(span.Ticks, 0);
        return Object(("seconds", ticks / TimeSpan.TicksPerSecond), ("nanos", ticks % TimeSpan.TicksPerSecond * 100));
    }

    /// <summary>Gherkin 5 reports column 0 where it has none; the schema wants columns from 1, so those are left out.</summary>
    public static JsonObject Location(Ast.Location location) => Location(location.Line, location.Column);

    public static JsonObject Location(int line, int column = 0) =>
        Object(("line", Math.Max(line, 1)), ("column", column >= 1 ? column : null));
}
