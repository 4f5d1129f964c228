using System.Net.Sockets;
using System.Text;

namespace ChaosFeatures.Harness.Tests.Servers;

/// <summary>Just enough of the Redis protocol (RESP) to talk to a real server byte for byte; every wait is bounded.</summary>
internal static class Resp
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static byte[] Command(params byte[][] parts)
    {
        var bytes = new MemoryStream();
        bytes.Write(Encoding.ASCII.GetBytes($"*{parts.Length}\r\n"));
        foreach (byte[] part in parts)
        {
            bytes.Write(Encoding.ASCII.GetBytes($"${part.Length}\r\n"));
            bytes.Write(part);
            bytes.Write("\r\n"u8);
        }
        return bytes.ToArray();
    }

    /// <summary>Sends a command of plain words and returns the one-line reply (e.g. <c>+PONG</c>).</summary>
    public static async Task<string> CommandAsync(Socket socket, params string[] words)
    {
        await SendAsync(socket, Command([.. words.Select(Encoding.ASCII.GetBytes)]));
        return await ReadLineAsync(socket);
    }

    public static async Task SendAsync(Socket socket, byte[] data)
    {
        using var timeout = new CancellationTokenSource(Bound);
        for (int sent = 0; sent < data.Length;) sent += await socket.SendAsync(data.AsMemory(sent), SocketFlags.None, timeout.Token);
    }

    /// <summary>Reads one CRLF-terminated line byte by byte, so nothing after it is consumed.</summary>
    public static async Task<string> ReadLineAsync(Socket socket)
    {
        var line = new List<byte>();
        while (line.Count < 2 || line[^2] != '\r' || line[^1] != '\n') line.Add((await ReadExactlyAsync(socket, 1))[0]);
        return Encoding.ASCII.GetString([.. line.SkipLast(2)]);
    }

    public static async Task<byte[]> ReadExactlyAsync(Socket socket, int count)
    {
        using var timeout = new CancellationTokenSource(Bound);
        var buffer = new byte[count];
        for (int read = 0; read < count;)
        {
            int n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, timeout.Token);
            if (n == 0) throw new EndOfStreamException($"EOF after {read} of {count} bytes");
            read += n;
        }
        return buffer;
    }
}
