using System.Globalization;
using System.Text.Json.Nodes;

namespace ChaosFeatures.Harness.Toxiproxy;

/// <summary>
/// A toxic as Toxiproxy's API takes it: type, optional name, stream and toxicity, and its attributes. Parsed from
/// the forms a feature writes: a table of <c>field | value</c> rows or one line of <c>field=value</c> pairs
/// (as <c>toxiproxy-cli toxic add -a</c> takes them). Numbers stay numbers; the server validates the values.
/// </summary>
public sealed record ToxicRequest(string Type, string? Name, string? Stream, double? Toxicity, IReadOnlyDictionary<string, string> Attributes)
{
    private static readonly string[] TopLevel = ["name", "stream", "toxicity"];

    /// <param name="pairs">Fields in order; <c>name</c>, <c>stream</c> and <c>toxicity</c> are the toxic's own, the rest its attributes.</param>
    public static ToxicRequest From(string type, IEnumerable<(string Field, string Value)> pairs)
    {
        if (string.IsNullOrWhiteSpace(type))
            throw new ArgumentException("a toxic needs a type, e.g. latency, bandwidth, slicer, reset_peer");
        var fields = pairs.Select(p => (Field: p.Field.Trim(), Value: p.Value.Trim())).ToList();
        foreach (var (field, _) in fields.Where(f => f.Field.Length == 0))
            throw new ArgumentException($"toxic {type}: a field has no name (write field=value)");
        string? Get(string key) => fields.LastOrDefault(f => f.Field == key).Value;
        double? toxicity = Get("toxicity") is { } t
            ? double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
                : throw new ArgumentException($"toxic {type}: toxicity '{t}' is not a number (0..1)")
            : null;
        return new ToxicRequest(type, Get("name"), Get("stream"), toxicity,
            fields.Where(f => !TopLevel.Contains(f.Field)).ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal));
    }

    /// <param name="line">Pairs separated by commas: <c>latency=100, jitter=10</c> (empty: no attributes).</param>
    public static ToxicRequest Parse(string type, string line) =>
        From(type, line.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(pair =>
            pair.Split('=', 2) is [var field, var value] ? (field, value)
                : throw new ArgumentException($"toxic {type}: '{pair}' is not field=value, e.g. latency=100")));

    public JsonObject AttributesJson()
    {
        var attributes = new JsonObject();
        foreach (var (field, value) in Attributes)
            attributes[field] = JsonValue(value);
        return attributes;
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = Type, ["attributes"] = AttributesJson() };
        if (Name is not null) json["name"] = Name;
        if (Stream is not null) json["stream"] = Stream;
        if (Toxicity is { } toxicity) json["toxicity"] = toxicity;
        return json;
    }

    private static JsonNode? JsonValue(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) ? (JsonNode)integer
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? (JsonNode)number
        : bool.TryParse(text, out var flag) ? (JsonNode)flag
        : (JsonNode)text;
}
