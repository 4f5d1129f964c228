using System.Buffers;
using System.Net.Sockets;

namespace ChaosFeatures.EvilPeer.Tls;

/// <summary>Reads the client's first flight up to the end of its ClientHello record, without answering it.</summary>
internal static class ClientHelloReader
{
    /// <summary>A ClientHello is a few hundred bytes; a client that sends more without one is not speaking TLS.</summary>
    private const int MaxBytes = 64 * 1024;

    /// <returns>Bytes read up to the end of the ClientHello record (or what came before EOF or the limit).</returns>
    public static async Task<int> ReadAsync(Socket socket, CancellationToken stopping)
    {
        var records = new TlsRecordScanner();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(4096);
        int total = 0;
        try
        {
            while (total < MaxBytes)
            {
                int n = await socket.ReceiveAsync(buffer, SocketFlags.None, stopping);
                if (n == 0) return total;
                int end = records.FindEndOf(buffer.AsSpan(0, n), TlsRecordScanner.Handshake, TlsRecordScanner.ClientHello);
                if (end >= 0) return total + end;
                total += n;
            }
            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
