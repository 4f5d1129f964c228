using System.Buffers;
using System.Security.Cryptography;

namespace ChaosFeatures.EvilPeer.Peers.Echo;

internal static class EchoLoop
{
    private const int BufferSize = 64 * 1024;

    public static async Task RunAsync(PeerConnection connection)
    {
        // Hashed like a consumer's reads, so "peer read the upload intact" holds for an echoing peer too.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int n;
            while ((n = await connection.ReceiveAsync(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                await connection.SendAsync(buffer.AsMemory(0, n));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            connection.RecordReadHash(Convert.ToHexStringLower(hash.GetCurrentHash()));
        }
        await connection.SendFinAsync();
    }
}
