using System.Globalization;
using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.Gherkin.Sharding;

/// <summary>
/// One of N disjoint parts of a suite, for CI runners that each take a part (<c>CHAOS_SHARD=k/N</c>, 1-based).
/// A case belongs to the shard its stable id hashes to, so the N shards together hold every case exactly once,
/// and a case never changes shard when another scenario is added, removed or edited (its id does not change).
/// </summary>
public sealed record Shard
{
    public const string Variable = "CHAOS_SHARD";

    private const string Accepted = "k/N with whole numbers 1 <= k <= N, e.g. 2/3 (unset: every case)";

    private Shard(int index, int count)
    {
        Index = index;
        Count = count;
    }

    /// <summary>1-based: which shard this is.</summary>
    public int Index { get; }

    /// <summary>How many shards the suite is split into.</summary>
    public int Count { get; }

    /// <summary>The whole suite: every case belongs to it.</summary>
    public static Shard All { get; } = new(1, 1);

    /// <summary><c>CHAOS_SHARD</c> from the environment, or <see cref="All"/> when unset.</summary>
    public static Shard FromEnvironment() => Parse(Environment.GetEnvironmentVariable(Variable));

    /// <summary>Reads <c>k/N</c>; null or blank is <see cref="All"/>; anything else throws a one-line <see cref="ConfigurationException"/>.</summary>
    public static Shard Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return All;
        var parts = value.Trim().Split('/');
        if (parts.Length == 2 && Whole(parts[0]) is { } index && Whole(parts[1]) is { } count && count >= 1 && index >= 1 && index <= count)
            return new Shard(index, count);
        throw new ConfigurationException($"{Variable}='{value}' is invalid; accepted: {Accepted}");
    }

    /// <summary>Whether the case with this stable id (<c>TestCase.Id</c>) runs in this shard.</summary>
    public bool Holds(string caseId) => Count == 1 || (int)(StableHash.Of(caseId) % (ulong)Count) == Index - 1;

    /// <summary>
    /// Whether the failing test for a feature file that did not load runs here: in exactly one shard, chosen by
    /// the file's path, so a broken file turns exactly one shard red and the merged run counts it once.
    /// </summary>
    public bool HoldsFeatureError(string featurePath) => Holds("feature-error:" + featurePath);

    public override string ToString() => $"{Index}/{Count}";

    private static int? Whole(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
