using System.Text.Json;
using ChaosFeatures.Control.Json;
using ChaosFeatures.Control.Model;
using ChaosFeatures.Control.Toxics;
using ChaosFeatures.EvilPeer.Toxics;

namespace ChaosFeatures.Control.Api;

/// <summary>
/// Toxic bodies with Toxiproxy's order of checks, so the same bad body gets the same answer:
/// decode, stream, default name, type, name conflict, then the typed attributes.
/// </summary>
internal static class ToxicInput
{
    private static readonly GoField[] WrapperFields =
    [
        new("attributes", GoKind.Object, "toxics.NoopToxic"), new("name", GoKind.String), new("type", GoKind.String),
        new("stream", GoKind.String), new("toxicity", GoKind.Float32),
    ];

    private static readonly GoField[] UpdateFields = [new("attributes", GoKind.Object), new("toxicity", GoKind.Float32)];

    private const string UpdateGoType = """struct { Attributes interface {} "json:\"attributes\""; Toxicity float32 "json:\"toxicity\"" }""";

    /// <param name="taken">Whether the proxy already has a toxic of that name (on either stream).</param>
    public static ApiToxic Create(JsonElement body, Func<string, bool> taken)
    {
        string name = "", type = "", stream = "downstream";
        float toxicity = 1.0f;
        GoDecode.Object(body, "toxics.ToxicWrapper", "ToxicWrapper", WrapperFields, (field, value) =>
        {
            switch (field.Name)
            {
                case "name": name = value.GetString()!; break;
                case "type": type = value.GetString()!; break;
                case "stream": stream = value.GetString()!; break;
                case "toxicity": toxicity = (float)GoDecode.Value(value, GoKind.Float32); break;
            }
        });
        if (!ToxicCatalog.TryParseStream(stream, out ToxicStream direction)) throw ApiError.InvalidStream();
        if (name.Length == 0) name = $"{type}_{stream}";
        ToxicType toxicType = ToxicTypes.Find(type) ?? throw ApiError.InvalidToxicType();
        if (taken(name)) throw ApiError.ToxicExists();
        object[] values = toxicType.Defaults();
        DecodeAttributes(GoDecode.Member(body, "attributes"), toxicType, values);
        return new ApiToxic(name, toxicType, stream, direction, toxicity, values);
    }

    /// <summary>Only attributes (merged over the current ones) and toxicity are read; name, type and stream stay.</summary>
    public static ApiToxic Update(JsonElement body, ApiToxic current)
    {
        float toxicity = current.Toxicity;
        JsonElement? attributes = null;
        GoDecode.Object(body, UpdateGoType, "", UpdateFields.Select(f => f.Name == "attributes" ? f with { GoType = $"toxics.{current.Type.GoStruct}" } : f).ToArray(),
            (field, value) =>
            {
                if (field.Name == "toxicity") toxicity = (float)GoDecode.Value(value, GoKind.Float32);
                else attributes = value;
            });
        object[] values = [.. current.Values];
        DecodeAttributes(attributes, current.Type, values);
        return current.With(toxicity, values);
    }

    private static void DecodeAttributes(JsonElement? attributes, ToxicType type, object[] values)
    {
        if (attributes is not { } element) return;
        GoDecode.Object(element, $"toxics.{type.GoStruct}", $"{type.GoStruct}.attributes", type.Fields, (field, value) =>
        {
            int index = type.Fields.ToList().IndexOf(field);
            values[index] = GoDecode.Value(value, field.Kind);
        });
    }
}
