using System.Globalization;
using System.Text.Json;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Toxics;

/// <summary>
/// Reads loosely typed attributes (numbers, strings, or <see cref="JsonElement"/>s from an HTTP
/// body) into typed values, recording type errors and, at the end, unknown attribute names.
/// </summary>
internal sealed class AttributeReader(string type, IReadOnlyDictionary<string, object?> attributes, Validator validator)
{
    private readonly HashSet<string> _known = [];

    public long Long(string name, long fallback)
    {
        if (!TryGet(name, out object? raw)) return fallback;
        switch (raw)
        {
            case long or int or short or byte or uint: return Convert.ToInt64(raw, CultureInfo.InvariantCulture);
            case double d when d == Math.Floor(d) && Math.Abs(d) < 9e15: return (long)d;
            case JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out long l): return l;
            case string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l): return l;
        }
        validator.Require(false, $"{type}.{name}", $"'{raw}' is not an integer");
        return fallback;
    }

    public double Double(string name, double fallback)
    {
        if (!TryGet(name, out object? raw)) return fallback;
        switch (raw)
        {
            case double or float or long or int: return Convert.ToDouble(raw, CultureInfo.InvariantCulture);
            case JsonElement { ValueKind: JsonValueKind.Number } e: return e.GetDouble();
            case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d): return d;
        }
        validator.Require(false, $"{type}.{name}", $"'{raw}' is not a number");
        return fallback;
    }

    public CloseMode CloseMode(string name, CloseMode fallback)
    {
        if (!TryGet(name, out object? raw)) return fallback;
        string? text = raw is JsonElement { ValueKind: JsonValueKind.String } e ? e.GetString() : raw as string;
        switch (text?.ToLowerInvariant())
        {
            case "fin": return Toxics.CloseMode.Fin;
            case "rst": return Toxics.CloseMode.Rst;
        }
        validator.Require(false, $"{type}.{name}", $"'{raw}' is not one of fin, rst");
        return fallback;
    }

    /// <summary>Call after reading every known attribute.</summary>
    public void RejectUnknown()
    {
        foreach (string name in attributes.Keys.Where(k => !_known.Contains(k)))
            validator.Require(false, $"{type}.{name}", $"unknown attribute (known: {string.Join(", ", _known.Order())})");
    }

    private bool TryGet(string name, out object? raw)
    {
        _known.Add(name);
        return attributes.TryGetValue(name, out raw) && raw is not null and not JsonElement { ValueKind: JsonValueKind.Null };
    }
}
