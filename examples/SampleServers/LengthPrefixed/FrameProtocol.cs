using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace ChaosFeatures.Samples.LengthPrefixed;

/// <summary>
/// The wire format. A request is a 4-byte big-endian length, then that many bytes. A response is a
/// 4-byte big-endian length, then a status byte (0 = ok, 1 = error) and its data: the request's bytes
/// echoed, or a UTF-8 reason. After an error response the server closes the connection.
/// </summary>
internal static class FrameProtocol
{
    public const int HeaderBytes = 4;
    public const byte Ok = 0, Error = 1;

    public static uint Length(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadUInt32BigEndian(header);

    public static async Task SendAsync(Socket socket, byte status, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var frame = new byte[HeaderBytes + 1 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)(1 + data.Length));
        frame[HeaderBytes] = status;
        data.CopyTo(frame.AsMemory(HeaderBytes + 1));
        await socket.SendAsync(frame, SocketFlags.None, cancellationToken);
    }

    public static Task SendErrorAsync(Socket socket, string reason, CancellationToken cancellationToken) =>
        SendAsync(socket, Error, Encoding.UTF8.GetBytes(reason), cancellationToken);
}
