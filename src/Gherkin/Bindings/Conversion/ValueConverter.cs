using System.Globalization;

namespace ChaosFeatures.Gherkin.Bindings.Conversion;

/// <summary>
/// Converts step text to the built-in types, always with the invariant culture so a feature reads
/// the same on every machine. Converters are built once per target type and reused.
/// </summary>
internal static class ValueConverter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly Dictionary<Type, Func<string, object?>> BuiltIn = new()
    {
        [typeof(string)] = s => s,
        [typeof(int)] = s => int.Parse(s, NumberStyles.Integer, Invariant),
        [typeof(long)] = s => long.Parse(s, NumberStyles.Integer, Invariant),
        [typeof(short)] = s => short.Parse(s, NumberStyles.Integer, Invariant),
        [typeof(byte)] = s => byte.Parse(s, NumberStyles.Integer, Invariant),
        [typeof(float)] = s => float.Parse(s, NumberStyles.Float, Invariant),
        [typeof(double)] = s => double.Parse(s, NumberStyles.Float, Invariant),
        [typeof(decimal)] = s => decimal.Parse(s, NumberStyles.Number, Invariant),
        [typeof(bool)] = s => bool.Parse(s.Trim()),
        [typeof(char)] = s => char.Parse(s),
        [typeof(Guid)] = s => Guid.Parse(s.Trim()),
        [typeof(DateTime)] = s => DateTime.Parse(s, Invariant, DateTimeStyles.RoundtripKind),
        [typeof(DateTimeOffset)] = s => DateTimeOffset.Parse(s, Invariant),
        [typeof(TimeSpan)] = s => TimeSpan.Parse(s, Invariant),
    };

    /// <summary>Returns a converter for <paramref name="target"/>, or null when the type is not built in.</summary>
    public static Func<string, object?>? For(Type target)
    {
        if (BuiltIn.TryGetValue(target, out var convert))
            return convert;
        if (target.IsEnum)
            return s => ParseEnum(target, s);
        var underlying = Nullable.GetUnderlyingType(target);
        if (underlying is not null && For(underlying) is { } inner)
            return s => string.IsNullOrWhiteSpace(s) ? null : inner(s);
        return null;
    }

    public static bool IsBuiltIn(Type target) => For(target) is not null;

    private static object ParseEnum(Type target, string text)
    {
        // Accept "read only" for ReadOnly: features are prose, enum names are not.
        var compact = text.Replace(" ", "", StringComparison.Ordinal);
        if (Enum.TryParse(target, compact, ignoreCase: true, out var value))
            return value!;
        throw new FormatException($"'{text}' is not one of {string.Join(", ", Enum.GetNames(target))}.");
    }
}
