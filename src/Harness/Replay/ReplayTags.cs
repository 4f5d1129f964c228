namespace ChaosFeatures.Harness.Replay;

/// <summary>
/// Tags freeze puts on a frozen scenario so a replay can be checked against the failure it came from:
/// <c>@replay-of:&lt;original test id&gt;</c> (sub-seeds are derived from that id, so payloads, toxic
/// draws and scheduler picks are the original's) and <c>@decisions:&lt;sha256&gt;</c> (the original
/// decision-log hash; a different hash at the end of the replay is drift).
/// </summary>
public static class ReplayTags
{
    public const string Frozen = "frozen";
    public const string ReplayOfPrefix = "replay-of:";
    public const string DecisionsPrefix = "decisions:";

    /// <summary>The id to derive sub-seeds from: the original's for a frozen case, else the case's own.</summary>
    public static string SeedIdentity(string testId, IEnumerable<string> tags) => Value(tags, ReplayOfPrefix) ?? testId;

    /// <summary>The expected decision hash, or null when the case is not a replay.</summary>
    public static string? ExpectedDecisionHash(IEnumerable<string> tags) => Value(tags, DecisionsPrefix);

    private static string? Value(IEnumerable<string> tags, string prefix) =>
        tags.Select(t => t.TrimStart('@')).FirstOrDefault(t => t.StartsWith(prefix, StringComparison.Ordinal) && t.Length > prefix.Length)?[prefix.Length..];
}
