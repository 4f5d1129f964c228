using System.Buffers;
using System.Security.Cryptography;

namespace ChaosFeatures.EvilPeer.Peers.Consume;

/// <summary>One connection's upload: read (or not), count and hash, then hold and close.</summary>
internal static class ConsumeLoop
{
    public static async Task RunAsync(ConsumeBehaviour consume, PeerConnection connection)
    {
        if (consume.NeverReads)
        {
            // Not a single recv: the client's bytes pile up in our receive buffer, then in its
            // send buffer, and its writes stall. Hold 0 means "until disposed".
            await connection.HoldAsync(consume.HoldMs == 0 ? Timeout.Infinite : consume.HoldMs);
            await connection.CloseAsync(consume.HardReset);
            return;
        }

        await ReadAsync(consume, connection);
        await connection.HoldAsync(consume.HoldMs);
        // No drain: a consumer that stopped reading closes with unread bytes, and the kernel
        // turns that close into RST (RFC 1122) whatever we ask; the close event says so.
        await connection.CloseAsync(consume.HardReset);
    }

    private static async Task ReadAsync(ConsumeBehaviour consume, PeerConnection connection)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(consume.ReadSize);
        long read = 0;
        try
        {
            while (consume.StopAfter < 0 || read < consume.StopAfter)
            {
                if (read > 0) await connection.DelayAsync(consume.DelayMs, "read");
                int want = consume.ReadSize;
                if (consume.StopAfter >= 0) want = (int)Math.Min(want, consume.StopAfter - read);
                int n = await connection.ReceiveAsync(buffer.AsMemory(0, want));
                if (n == 0) break;
                hash.AppendData(buffer, 0, n);
                read += n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            connection.RecordReadHash(Convert.ToHexStringLower(hash.GetCurrentHash()));
        }
    }
}
