using System.Globalization;
using System.Text.Json;
using ChaosFeatures.Control.Api;

namespace ChaosFeatures.Control.Json;

/// <summary>
/// Decodes JSON objects into Go-struct fields with <c>encoding/json</c>'s rules, because Toxiproxy's
/// clients rely on them: keys match case-insensitively and the last one wins, unknown keys are
/// ignored, <c>null</c> leaves a field as it was, types are strict, and a type error is reported as
/// <c>json: cannot unmarshal string into Go struct field Proxy.enabled of type bool</c>.
/// System.Text.Json parses; only these rules are written here.
/// </summary>
internal static class GoDecode
{
    /// <summary>
    /// Calls <paramref name="set"/> for every known, non-null, well-typed field in document order.
    /// A null element is a no-op; anything but an object is Go's "cannot unmarshal X into Go value of type T".
    /// </summary>
    /// <param name="structPath">The error's struct path, e.g. <c>Proxy</c> or <c>LatencyToxic.attributes</c>.</param>
    public static void Object(JsonElement element, string goValueType, string structPath, IReadOnlyList<GoField> fields,
        Action<GoField, JsonElement> set)
    {
        if (element.ValueKind == JsonValueKind.Null) return;
        if (element.ValueKind != JsonValueKind.Object)
            throw ApiError.BadBody($"json: cannot unmarshal {KindName(element)} into Go value of type {goValueType}");
        string? firstError = null;
        foreach (JsonProperty property in element.EnumerateObject())
        {
            GoField? field = fields.FirstOrDefault(f => f.Name == property.Name)
                ?? fields.FirstOrDefault(f => string.Equals(f.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            if (field is null || property.Value.ValueKind == JsonValueKind.Null) continue;
            string? mismatch = Mismatch(property.Value, field.Kind);
            if (mismatch is null) set(field, property.Value);
            else firstError ??= $"json: cannot unmarshal {mismatch} into Go struct field {structPath}.{field.Name} of type {field.GoType ?? TypeName(field.Kind)}";
        }
        if (firstError is not null) throw ApiError.BadBody(firstError);
    }

    /// <summary>The last non-null value of a key that is not a typed field (e.g. <c>attributes</c>), or null.</summary>
    public static JsonElement? Member(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        JsonElement? found = null;
        foreach (JsonProperty property in element.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
                found = property.Value;
        return found;
    }

    public static object Value(JsonElement value, GoKind kind) => kind switch
    {
        GoKind.String => value.GetString()!,
        GoKind.Bool => value.GetBoolean(),
        GoKind.Int64 or GoKind.Int => long.Parse(value.GetRawText(), CultureInfo.InvariantCulture),
        GoKind.Float32 => (float)double.Parse(value.GetRawText(), CultureInfo.InvariantCulture),
        GoKind.Object => value,
        _ => double.Parse(value.GetRawText(), CultureInfo.InvariantCulture),
    };

    public static string KindName(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };

    /// <returns>Null when the value fits; otherwise what Go's error calls it (<c>string</c>, <c>number 1.5</c>, ...).</returns>
    private static string? Mismatch(JsonElement value, GoKind kind)
    {
        switch (kind)
        {
            case GoKind.String:
                return value.ValueKind == JsonValueKind.String ? null : KindName(value);
            case GoKind.Bool:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : KindName(value);
            case GoKind.Object:
                return value.ValueKind == JsonValueKind.Object ? null : KindName(value);
        }
        if (value.ValueKind != JsonValueKind.Number) return KindName(value);
        string raw = value.GetRawText();
        bool fits = kind switch
        {
            GoKind.Int64 or GoKind.Int => raw.All(c => c is '-' or (>= '0' and <= '9')) && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            GoKind.Float32 => double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double f) && Math.Abs(f) <= float.MaxValue,
            _ => double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d),
        };
        return fits ? null : $"number {raw}";
    }

    private static string TypeName(GoKind kind) => kind switch
    {
        GoKind.String => "string",
        GoKind.Bool => "bool",
        GoKind.Int64 => "int64",
        GoKind.Int => "int",
        GoKind.Float32 => "float32",
        GoKind.Float64 => "float64",
        _ => "struct",
    };
}
