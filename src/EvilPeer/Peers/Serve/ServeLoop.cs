namespace ChaosFeatures.EvilPeer.Peers.Serve;

/// <summary>One connection's download: chunk, pause, chunk, ... then FIN, RST or half-open.</summary>
internal static class ServeLoop
{
    public static async Task RunAsync(ServeBehaviour serve, PeerConnection connection)
    {
        int total = serve.BytesToSend;
        int sent = 0;
        while (sent < total)
        {
            if (sent > 0) await connection.DelayAsync(serve.DelayMs, "chunk");
            int chunk = serve.Slice == 0 ? total - sent : Math.Min(serve.Slice, total - sent);
            await connection.SendAsync(serve.Payload.Slice(sent, chunk));
            sent += chunk;
        }

        if (serve.HalfOpen)
        {
            // Stop talking but keep the descriptor: the client waits for bytes or a FIN that
            // only disposal of the peer will bring.
            await connection.HoldAsync(Timeout.Infinite);
        }
        await connection.HoldAsync(serve.HoldMs);

        if (serve.HardReset)
        {
            connection.Reset();
            return;
        }
        await connection.SendFinAsync();
        await connection.DrainAsync();
    }
}
