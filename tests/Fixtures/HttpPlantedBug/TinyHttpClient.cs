using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChaosFeatures.HttpPlantedBug;

/// <summary>
/// A deliberately small HTTP/1.1 client: one GET with <c>Connection: close</c>, a status line, headers, and a
/// body framed by Content-Length (or by the close). It carries one planted bug: when the connection ends
/// before Content-Length bytes have arrived, it takes the short body as complete.
/// </summary>
public static class TinyHttpClient
{
    private const int MaxHeadBytes = 16 * 1024;

    /// <param name="received">Body bytes, kept as they arrive (so a cut request still shows what came).</param>
    /// <returns>The status code.</returns>
    public static async Task<int> GetAsync(IPEndPoint endPoint, string path, MemoryStream received, Action<int> onRead, CancellationToken cancellationToken)
    {
        using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endPoint, cancellationToken);
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {endPoint}\r\nConnection: close\r\n\r\n"), cancellationToken);
        var head = new MemoryStream();
        var buffer = new byte[8192];
        int bodyStart;
        while ((bodyStart = HeadEnd(head)) < 0)
        {
            int n = await socket.ReceiveAsync(buffer, cancellationToken);
            if (n == 0) throw new IOException("the connection ended inside the response head");
            if (head.Length + n > MaxHeadBytes) throw new InvalidDataException($"response head over {MaxHeadBytes} bytes");
            head.Write(buffer, 0, n);
        }
        var (status, contentLength) = ParseHead(Encoding.ASCII.GetString(head.GetBuffer(), 0, bodyStart));
        received.Write(head.GetBuffer(), bodyStart, (int)head.Length - bodyStart);
        onRead((int)head.Length - bodyStart);
        while (contentLength is null || received.Length < contentLength)
        {
            int n = await socket.ReceiveAsync(buffer, cancellationToken);
            if (n == 0) break; // PLANTED BUG: the connection ended, so the body is taken as complete, even short of Content-Length
            received.Write(buffer, 0, n);
            onRead(n);
        }
        return status;
    }

    private static int HeadEnd(MemoryStream head)
    {
        var bytes = head.GetBuffer().AsSpan(0, (int)head.Length);
        int end = bytes.IndexOf("\r\n\r\n"u8);
        return end < 0 ? -1 : end + 4;
    }

    private static (int Status, long? ContentLength) ParseHead(string head)
    {
        var lines = head.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var statusLine = lines[0].Split(' ', 3);
        if (statusLine.Length < 2 || !int.TryParse(statusLine[1], out int status))
            throw new InvalidDataException($"bad status line '{lines[0]}'");
        long? length = null;
        foreach (var line in lines.Skip(1))
        {
            int colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                length = long.Parse(line[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return (status, length);
    }
}
