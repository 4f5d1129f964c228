namespace ChaosFeatures.EvilPeer.EvilClients;

/// <summary>What an evil client's whole run did, for Then steps: counters, every connection's end, and whether its time bound cut it.</summary>
/// <param name="Name">The client's name.</param>
/// <param name="Mode">The behaviour's mode.</param>
/// <param name="Elapsed">From start to the last connection's end.</param>
/// <param name="DeadlineReached">The run's <see cref="EvilClientOptions.MaxDurationMs"/> ran out before the behaviour finished.</param>
/// <param name="Stopped">The run was stopped (disposed) before it finished.</param>
/// <param name="Errors">Unexpected failures inside the client (not the server's doing); each is also an <c>error</c> event.</param>
/// <param name="Connections">Per connection, in id order (the first <see cref="ClientRun.MaxKeptResults"/>).</param>
/// <param name="Stats">The final counters.</param>
public sealed record EvilClientReport(string Name, string Mode, TimeSpan Elapsed, bool DeadlineReached, bool Stopped, long Errors,
    IReadOnlyList<ConnectionResult> Connections, EvilClientStats Stats)
{
    /// <summary>How many connections ended this way.</summary>
    public int Count(ConnectionEnd end) => Connections.Count(c => c.End == end);

    /// <summary>The longest time the server kept any of our connections before it (or we) ended it.</summary>
    public TimeSpan LongestLifetime => Connections.Where(c => c.Connected).Select(c => c.Lifetime).DefaultIfEmpty().Max();

    public override string ToString() =>
        $"evil client {Name} ({Mode}): {Connections.Count} connection(s) in {Elapsed.TotalMilliseconds:0} ms" +
        $"{(DeadlineReached ? ", time bound reached" : "")}{(Stopped ? ", stopped" : "")}; {Stats}; errors={Errors}";
}
