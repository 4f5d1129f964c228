namespace ChaosFeatures.Gherkin.Configuration;

/// <summary>
/// One entry of <c>chaos.servers</c> in reqnroll.json: a server under test a feature names instead of spelling out
/// its command line. Only its JSON shape is checked here; the step library checks what the values mean.
/// </summary>
/// <param name="Name">The key, e.g. <c>sample</c> in <c>"servers": { "sample": { ... } }</c>.</param>
/// <param name="Command">The command line, with <c>{port}</c>, <c>{folder}</c>, <c>{bin}</c> placeholders.</param>
/// <param name="Probe">How a legitimate client checks it (null = a bare connect).</param>
/// <param name="StartTimeoutMs">How long it may take to listen (null = the default).</param>
/// <param name="Install">How to get its program when it is missing (e.g. <c>apt-get install redis-server</c>): a scenario
/// using it is then skipped with this as the reason (a failure under CHAOS_STRICT=1) instead of failing; null = it fails.</param>
public sealed record ServerSetting(string Name, string Command, string? Probe = null, int? StartTimeoutMs = null, string? Install = null)
{
    /// <summary>The keys an entry may have, in the order messages list them.</summary>
    public static readonly IReadOnlyList<string> Keys = ["command", "probe", "startTimeoutMs", "install"];

    /// <summary>Where messages point: <c>chaos.servers.sample</c>.</summary>
    public string Key => $"chaos.servers.{Name}";
}
