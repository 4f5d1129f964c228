using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.EvilClients.NeverRead;

/// <summary>
/// A client that never reads its replies: it sends <see cref="Request"/> <see cref="Repeat"/> times and stays
/// connected for <see cref="HoldMs"/> from its connect without reading a byte, its receive buffer kept small so
/// the replies pile up on the server's side. A server with an output limit (redis's client-output-buffer-limit)
/// drops it; one whose writes have no deadline stays stuck in a send for as long as the client likes. Whether the
/// server ended it, by FIN or RST, is read from the kernel's TCP state, not by reading (so BytesReceived stays 0).
/// </summary>
public sealed record NeverReadBehaviour : EvilClientBehaviour
{
    public const int MaxRequestBytes = 16 * 1024 * 1024;
    public const int MaxRepeat = 1_000_000;

    /// <summary>The receive buffer asked for (the kernel doubles it): small, so the server's replies back up at once.</summary>
    public const int ReceiveBufferBytes = 4096;

    /// <param name="request">Sent <paramref name="repeat"/> times, 1..16 MiB.</param>
    /// <param name="repeat">1..1000000.</param>
    /// <param name="holdMs">How long the connection lives from its connect, sends included, 1..600000 ms (ends early when the server closes it).</param>
    public NeverReadBehaviour(ReadOnlyMemory<byte> request, int repeat, int holdMs)
    {
        new Validator("never-read behaviour")
            .Range("never_read.request", request.Length, 1, MaxRequestBytes, "bytes")
            .Range("never_read.repeat", repeat, 1, MaxRepeat)
            .Range("never_read.hold", holdMs, 1, EvilClientOptions.MaxDurationLimitMs, "ms")
            .ThrowIfAny();
        Request = request;
        Repeat = repeat;
        HoldMs = holdMs;
    }

    public ReadOnlyMemory<byte> Request { get; }
    public int Repeat { get; }
    public int HoldMs { get; }

    public override string Mode => "never_read";

    internal override bool ReadsReplies => false;

    internal override async Task RunAsync(ClientConnection connection, ClientRun run)
    {
        long connectedAt = run.Time.GetTimestamp();
        // A server that stops reading (its replies are stuck) blocks our sends too: the hold bounds them.
        using (var hold = new CancellationTokenSource(TimeSpan.FromMilliseconds(HoldMs), run.Time))
        using (var holding = CancellationTokenSource.CreateLinkedTokenSource(run.Stopping, hold.Token))
        {
            for (int i = 0; i < Repeat; i++)
                if (!await connection.SendAsync(Request, holding.Token)) break;
        }
        int left = HoldMs - (int)run.Time.GetElapsedTime(connectedAt).TotalMilliseconds;
        if (left > 0) await connection.HoldAsync(left);
    }
}
