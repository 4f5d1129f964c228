using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.EvilClients.HalfClose;

/// <summary>
/// Send <see cref="Request"/> (may be empty), then FIN our side and keep reading for up to
/// <see cref="HoldMs"/>: a server that treats a half-close as a full close drops the reply; one
/// that never notices the FIN keeps the connection (in CLOSE_WAIT, on its side) until we go.
/// </summary>
public sealed record HalfCloseBehaviour : EvilClientBehaviour
{
    public const int MaxRequestBytes = 16 * 1024 * 1024;

    /// <param name="request">Sent before the FIN, 0..16 MiB.</param>
    /// <param name="holdMs">Keep reading after the FIN, 1..600000 ms (ends early when the server closes).</param>
    public HalfCloseBehaviour(ReadOnlyMemory<byte> request, int holdMs)
    {
        new Validator("half-close behaviour")
            .Range("half_close.request", request.Length, 0, MaxRequestBytes, "bytes")
            .Range("half_close.hold", holdMs, 1, EvilClientOptions.MaxDurationLimitMs, "ms")
            .ThrowIfAny();
        Request = request;
        HoldMs = holdMs;
    }

    public ReadOnlyMemory<byte> Request { get; }
    public int HoldMs { get; }

    public override string Mode => "half_close";

    internal override async Task RunAsync(ClientConnection connection, ClientRun run)
    {
        if (!Request.IsEmpty && !await connection.SendAsync(Request)) return;
        connection.ShutdownSend();
        await connection.HoldAsync(HoldMs);
    }
}
