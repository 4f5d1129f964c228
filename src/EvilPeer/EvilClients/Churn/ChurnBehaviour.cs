using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.EvilClients.Churn;

/// <summary>
/// Open and close in a tight loop: each lane connects, optionally sends <see cref="Payload"/>,
/// closes (FIN, or RST with <see cref="EvilClientOptions.HardClose"/>), pauses <see cref="DelayMs"/>
/// and does it again, <see cref="Cycles"/> times or until the run's time bound. A server that
/// leaks a descriptor per connection shows it after a few thousand cycles.
/// </summary>
public sealed record ChurnBehaviour : EvilClientBehaviour
{
    public const int MaxCycles = 1_000_000;
    public const int MaxPayloadBytes = 1024 * 1024;

    /// <param name="cycles">Connections per lane, 1..1000000.</param>
    /// <param name="delayMs">Pause between cycles, 0..600000 ms (0 = as fast as connects complete).</param>
    /// <param name="payload">Sent on each connection before it is closed; empty = connect and close.</param>
    public ChurnBehaviour(int cycles, int delayMs = 0, ReadOnlyMemory<byte> payload = default)
    {
        new Validator("churn behaviour")
            .Range("churn.cycles", cycles, 1, MaxCycles)
            .Range("churn.delay", delayMs, 0, EvilClientOptions.MaxDurationLimitMs, "ms")
            .Range("churn.payload", payload.Length, 0, MaxPayloadBytes, "bytes")
            .ThrowIfAny();
        Cycles = cycles;
        DelayMs = delayMs;
        Payload = payload;
    }

    public int Cycles { get; }
    public int DelayMs { get; }
    public ReadOnlyMemory<byte> Payload { get; }

    public override string Mode => "churn";

    internal override async Task RunLaneAsync(ClientRun run)
    {
        for (int cycle = 0; cycle < Cycles; cycle++)
        {
            if (cycle > 0) await run.PauseAsync(DelayMs);
            ClientConnection? connection = await run.ConnectAsync();
            if (connection is null) continue; // refused or timed out: counted, and the next cycle tries again
            try
            {
                if (!Payload.IsEmpty) await connection.SendAsync(Payload);
            }
            finally
            {
                await connection.CloseAsync(run.Options.HardClose);
            }
        }
    }

    internal override Task RunAsync(ClientConnection connection, ClientRun run) => Task.CompletedTask;
}
