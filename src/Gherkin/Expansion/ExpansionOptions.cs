using System.Globalization;
using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>
/// Knobs of expansion. Normal builds use the defaults plus reqnroll.json; the <c>_FUZZ</c> build widens
/// <see cref="MaxCombinations"/>, sets <see cref="CapFromOptionsOverridesTags"/> and samples by
/// <see cref="SamplingSeed"/> so each nightly run explores a different subset.
/// </summary>
public sealed record ExpansionOptions
{
    public const string GenerationSeedVariable = SeedText.GenSeedVariable;

    /// <summary>The _FUZZ build's cap on mutation combinations per scenario and row (default <see cref="FuzzMaxCombinations"/>).</summary>
    public const string MaxCombinationsVariable = "CHAOS_MAX";

    public const int FuzzMaxCombinations = 200;

    /// <summary>Mutation combinations kept per scenario and Examples row when no <c>@chaos-max:N</c> tag says otherwise.</summary>
    public int MaxCombinations
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxCombinations), value, "MaxCombinations must be at least 1");
    } = 20;

    /// <summary>When true, <see cref="MaxCombinations"/> beats <c>@chaos-max:N</c> tags (the fuzz build's wider net).</summary>
    public bool CapFromOptionsOverridesTags { get; init; }

    /// <summary>Mixed into the sampling seed when set; null keeps the set fixed by the scenario's identity alone.</summary>
    public ulong? SamplingSeed { get; init; }

    /// <summary>Drives fuzzed values (<c>a..b</c>, <c>a|b|c</c>); <c>CHAOS_GEN_SEED</c> (the full <see cref="ulong"/> range), default 1.</summary>
    public ulong GenerationSeed { get; init; } = 1;

    /// <summary>Gherkin language for files without a <c># language:</c> header (reqnroll.json <c>language.feature</c>).</summary>
    public string FeatureLanguage { get; init; } = "en-US";

    public static ExpansionOptions Default { get; } = new();

    /// <summary>
    /// Defaults, then reqnroll.json (if given), then <c>CHAOS_GEN_SEED</c> from the environment; in
    /// the _FUZZ build also <c>CHAOS_MAX</c>, see <see cref="Widen"/>.
    /// </summary>
    public static ExpansionOptions FromEnvironment(SuiteConfiguration? configuration = null)
    {
        var options = FromEnvironment(configuration, Environment.GetEnvironmentVariable(GenerationSeedVariable));
#if _FUZZ
        options = options.Widen(Environment.GetEnvironmentVariable(MaxCombinationsVariable));
#endif
        return options;
    }

    internal static ExpansionOptions FromEnvironment(SuiteConfiguration? configuration, string? generationSeed)
    {
        var options = configuration is null
            ? Default
            : Default with { MaxCombinations = configuration.Chaos.MaxCombinations, FeatureLanguage = configuration.FeatureLanguage };
        // The same parser and message as the step library's, so a seed never passes one and fails the other.
        try
        {
            return options with { GenerationSeed = SeedText.ParseGenSeed(generationSeed) };
        }
        catch (FormatException e)
        {
            throw new ConfigurationException(e.Message);
        }
    }

    /// <summary>
    /// The nightly net: <c>CHAOS_MAX</c> (default 200) replaces every cap, <c>@chaos-max:N</c> tags
    /// included, and the sample follows the generation seed, so each seed explores another subset.
    /// Per-PR builds never call this: they stay at the stable, tag-controlled sample.
    /// </summary>
    internal ExpansionOptions Widen(string? maxCombinations)
    {
        var cap = string.IsNullOrWhiteSpace(maxCombinations)
            ? FuzzMaxCombinations
            : ParseCap(maxCombinations);
        if (cap < 1)
            throw new ConfigurationException($"{MaxCombinationsVariable} must be at least 1, got \"{maxCombinations}\"");
        return this with { MaxCombinations = (int)Math.Min(cap, int.MaxValue), CapFromOptionsOverridesTags = true, SamplingSeed = GenerationSeed };
    }

    private static long ParseCap(string value) =>
        long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new ConfigurationException($"{MaxCombinationsVariable} must be a non-negative integer such as 200, got \"{value}\"");
}
