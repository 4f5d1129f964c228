namespace ChaosFeatures.Harness.EventLog;

/// <summary>
/// Something the harness observed or decided, before it is stamped with a time by a <see cref="TestTimeline"/>.
/// </summary>
/// <param name="Kind">Family, one of <see cref="ChaosEventKinds"/>: <c>seeds</c>, <c>peer</c>, <c>toxic</c>, <c>client</c>, <c>fault</c>, <c>sched</c>, <c>choice</c>, <c>invariant</c>, ...</param>
/// <param name="Actor">Who: a task (<c>C</c>), a peer (<c>EP</c>), <c>sched</c>, ...</param>
/// <param name="Name">What, in snake_case: <c>connect</c>, <c>reads</c>, <c>outcome</c>, <c>pick</c>, ... (<see cref="ChaosEventNames"/>, a peer's <see cref="EvilPeer.Events.PeerEventNames"/>).</param>
/// <param name="Fields">Details; values are string, integer, double or bool.</param>
public sealed record ChaosEvent(string Kind, string Actor, string Name, IReadOnlyList<KeyValuePair<string, object?>> Fields)
{
    public static ChaosEvent Of(string kind, string actor, string name, params (string Key, object? Value)[] fields) =>
        new(kind, actor, name, fields.Select(f => new KeyValuePair<string, object?>(f.Key, f.Value)).ToArray());

    /// <summary><c>actor name k=v k=v</c>, the readable form used in timelines.</summary>
    public string Describe() =>
        Fields.Count == 0 ? $"{Actor} {Name}" : $"{Actor} {Name} {string.Join(' ', Fields.Select(f => $"{f.Key}={Format(f.Value)}"))}";

    private static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
