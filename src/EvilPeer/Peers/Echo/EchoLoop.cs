using System.Buffers;

namespace ChaosFeatures.EvilPeer.Peers.Echo;

internal static class EchoLoop
{
    private const int BufferSize = 64 * 1024;

    public static async Task RunAsync(PeerConnection connection)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int n;
            while ((n = await connection.ReceiveAsync(buffer)) > 0)
                await connection.SendAsync(buffer.AsMemory(0, n));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        await connection.SendFinAsync();
    }
}
