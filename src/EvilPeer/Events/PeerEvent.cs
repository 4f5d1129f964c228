namespace ChaosFeatures.EvilPeer.Events;

/// <summary>
/// Something a peer did or decided.
/// </summary>
/// <param name="Timestamp">
/// <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when it happened: monotonic and, on
/// Linux, comparable across processes of one machine, so forked-peer events merge with ours.
/// </param>
/// <param name="Actor">Who: a peer or proxy name, e.g. <c>EP</c>.</param>
/// <param name="Name">What, in snake_case: <c>accept</c>, <c>write</c>, <c>read</c>, <c>delay</c>, <c>fin</c>, <c>rst</c>, <c>toxic</c>, <c>error</c>, ...</param>
/// <param name="ConnectionId">1-based per peer; 0 for listener-level events.</param>
/// <param name="Fields">Details: byte counts, delays in ms, toxic draws. Values are string, long, double or bool.</param>
public sealed record PeerEvent(
    long Timestamp,
    string Actor,
    string Name,
    long ConnectionId,
    IReadOnlyList<KeyValuePair<string, object?>> Fields);
