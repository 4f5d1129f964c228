using System.Net.Sockets;

namespace ChaosFeatures.Harness.ServersUnderTest.Probes;

/// <summary>Reads for probes: exactly N bytes, or one CRLF line, failing on EOF with how far it got.</summary>
internal static class ProbeIo
{
    public static async Task<byte[]> ReadExactlyAsync(Socket socket, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        for (int read = 0; read < count;)
        {
            int n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, cancellationToken);
            if (n == 0) throw new ProbeMismatchException($"the server closed after {read} of {count} reply bytes");
            read += n;
        }
        return buffer;
    }

    /// <summary>One line without its CRLF (or LF), at most <paramref name="maxBytes"/>.</summary>
    public static async Task<string> ReadLineAsync(Socket socket, int maxBytes, CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (line.Count < maxBytes)
        {
            int n = await socket.ReceiveAsync(one, SocketFlags.None, cancellationToken);
            if (n == 0) throw new ProbeMismatchException($"the server closed after {line.Count} bytes of a reply line");
            if (one[0] == '\n') return System.Text.Encoding.UTF8.GetString([.. line]).TrimEnd('\r');
            line.Add(one[0]);
        }
        throw new ProbeMismatchException($"no line end within {maxBytes} reply bytes");
    }
}
