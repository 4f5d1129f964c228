using System.Globalization;

namespace ChaosFeatures.Seeds;

/// <summary>
/// The one parser for seeds in text (<c>CHAOS_GEN_SEED</c>, the SEED of <c>CHAOS_SCHED</c>, command-line seeds):
/// the full <see cref="ulong"/> range, digits only, and one message for a bad value naming the variable and the range.
/// </summary>
public static class SeedText
{
    public const string GenSeedVariable = "CHAOS_GEN_SEED";

    /// <summary>What a seed may be, as every message says it.</summary>
    public const string Range = "0..18446744073709551615";

    /// <summary>The accepted form of <c>CHAOS_GEN_SEED</c>, for its one message.</summary>
    public const string GenSeedAccepted = "a non-negative integer (" + Range + "), default 1";

    /// <summary>Digits only (no sign, space or separators), within the <see cref="ulong"/> range.</summary>
    public static bool TryParse(string? text, out ulong value) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary><c>CHAOS_GEN_SEED</c>: unset or empty is 1; anything else must parse or throws <see cref="FormatException"/> with <see cref="Invalid"/>.</summary>
    public static ulong ParseGenSeed(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 1;
        return TryParse(text, out var seed) ? seed : throw new FormatException(Invalid(GenSeedVariable, text, GenSeedAccepted));
    }

    /// <summary>The one line for a bad value: <c>NAME='value' is invalid; accepted: ...</c>.</summary>
    public static string Invalid(string variable, string value, string accepted) =>
        $"{variable}='{value}' is invalid; accepted: {accepted}";
}
