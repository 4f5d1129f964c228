using System.Text.Json;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Forked;

/// <summary>
/// A <see cref="PeerEvent"/> as one JSON line, the forked host's stdout format:
/// <c>{"ts":123,"actor":"EP","event":"write","conn":1,"fields":{"bytes":10}}</c>.
/// Field values are strings, integers, doubles, booleans or null.
/// </summary>
public static class EventLine
{
    /// <summary>The event as one JSON object, without the line end; the caller flushes (and resets) <paramref name="w"/>.</summary>
    public static void Write(Utf8JsonWriter w, PeerEvent e)
    {
        w.WriteStartObject();
        w.WriteNumber("ts", e.Timestamp);
        w.WriteString("actor", e.Actor);
        w.WriteString("event", e.Name);
        w.WriteNumber("conn", e.ConnectionId);
        w.WriteStartObject("fields");
        foreach (var (key, value) in e.Fields) WriteField(w, key, value);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <exception cref="OptionsValidationException">The line is not an event.</exception>
    public static PeerEvent Parse(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            JsonElement root = doc.RootElement;
            var fields = new List<KeyValuePair<string, object?>>();
            foreach (JsonProperty p in root.GetProperty("fields").EnumerateObject()) fields.Add(new(p.Name, Value(p.Value)));
            return new PeerEvent(root.GetProperty("ts").GetInt64(), root.GetProperty("actor").GetString()!,
                root.GetProperty("event").GetString()!, root.GetProperty("conn").GetInt64(), fields);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new OptionsValidationException("event line", [$"line: {e.Message}"]);
        }
    }

    private static void WriteField(Utf8JsonWriter w, string key, object? value)
    {
        switch (value)
        {
            case null: w.WriteNull(key); break;
            case bool b: w.WriteBoolean(key, b); break;
            case long l: w.WriteNumber(key, l); break;
            case int i: w.WriteNumber(key, i); break;
            case double d: w.WriteNumber(key, d); break;
            default: w.WriteString(key, value.ToString()); break;
        }
    }

    private static object? Value(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.TryGetInt64(out long l) ? l : (object)v.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
