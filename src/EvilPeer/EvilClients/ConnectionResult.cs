namespace ChaosFeatures.EvilPeer.EvilClients;

/// <summary>What one connection of an evil client did and how it ended.</summary>
/// <param name="Id">1-based per client, in connect order.</param>
/// <param name="End">Who ended it and how.</param>
/// <param name="BytesSent">Bytes the kernel accepted from us.</param>
/// <param name="BytesReceived">Bytes the server sent us.</param>
/// <param name="Lifetime">From connect (or the connect attempt, when it failed) to the end.</param>
/// <param name="ReplyHead">The first bytes the server sent (at most <see cref="MaxReplyHead"/>), e.g. its error reply.</param>
public sealed record ConnectionResult(long Id, ConnectionEnd End, long BytesSent, long BytesReceived, TimeSpan Lifetime, ReadOnlyMemory<byte> ReplyHead)
{
    public const int MaxReplyHead = 256;

    /// <summary>True when the connect succeeded (whatever happened after).</summary>
    public bool Connected => End is ConnectionEnd.ServerClosed or ConnectionEnd.ServerReset or ConnectionEnd.ClosedByClient;

    /// <summary>True when the server ended the connection, by FIN or RST.</summary>
    public bool EndedByServer => End is ConnectionEnd.ServerClosed or ConnectionEnd.ServerReset;
}
