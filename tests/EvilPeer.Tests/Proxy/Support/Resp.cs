using System.Net.Sockets;
using System.Text;

namespace ChaosFeatures.EvilPeer.Tests.Proxy.Support;

/// <summary>Just enough of the Redis protocol (RESP) to talk to a real server byte for byte.</summary>
public static class Resp
{
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
        await ClientSocket.SendAsync(socket, Command([.. words.Select(Encoding.ASCII.GetBytes)]));
        return await ReadLineAsync(socket);
    }

    /// <summary>Reads one CRLF-terminated line, byte by byte (replies are short; nothing after them is lost).</summary>
    public static async Task<string> ReadLineAsync(Socket socket)
    {
        var line = new StringBuilder();
        while (!line.ToString().EndsWith("\r\n", StringComparison.Ordinal))
            line.Append((char)(await ClientSocket.ReadExactlyAsync(socket, 1))[0]);
        return line.ToString()[..^2];
    }
}
