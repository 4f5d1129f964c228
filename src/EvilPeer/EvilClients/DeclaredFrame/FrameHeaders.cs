using System.Buffers.Binary;
using System.Text;

namespace ChaosFeatures.EvilPeer.EvilClients.DeclaredFrame;

/// <summary>The bytes of a <see cref="FrameHeader"/> declaring a length, and the largest length each can declare.</summary>
public static class FrameHeaders
{
    public static long MaxDeclarable(FrameHeader header) => header switch
    {
        FrameHeader.UInt16BigEndian => ushort.MaxValue,
        FrameHeader.UInt32BigEndian or FrameHeader.UInt32LittleEndian => uint.MaxValue,
        _ => long.MaxValue,
    };

    public static byte[] Encode(FrameHeader header, long length)
    {
        switch (header)
        {
            case FrameHeader.UInt16BigEndian:
            {
                var bytes = new byte[2];
                BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)length);
                return bytes;
            }
            case FrameHeader.UInt32BigEndian:
            {
                var bytes = new byte[4];
                BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)length);
                return bytes;
            }
            case FrameHeader.UInt32LittleEndian:
            {
                var bytes = new byte[4];
                BinaryPrimitives.WriteUInt32LittleEndian(bytes, (uint)length);
                return bytes;
            }
            case FrameHeader.UInt64BigEndian:
            {
                var bytes = new byte[8];
                BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)length);
                return bytes;
            }
            case FrameHeader.RespBulkString:
                return Encoding.ASCII.GetBytes($"*1\r\n${length}\r\n");
            default:
                return Encoding.ASCII.GetBytes($"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: {length}\r\n\r\n");
        }
    }

    /// <summary>The mode's name for a header in the forked table and events (<c>u32be</c>, <c>resp</c>, ...).</summary>
    public static string Name(FrameHeader header) => header switch
    {
        FrameHeader.UInt32BigEndian => "u32be",
        FrameHeader.UInt32LittleEndian => "u32le",
        FrameHeader.UInt16BigEndian => "u16be",
        FrameHeader.UInt64BigEndian => "u64be",
        FrameHeader.RespBulkString => "resp",
        _ => "http",
    };

    public static FrameHeader? Parse(string? name) =>
        Enum.GetValues<FrameHeader>().Select(h => (FrameHeader?)h).FirstOrDefault(h => Name(h!.Value) == name);

    public static string Names => string.Join(", ", Enum.GetValues<FrameHeader>().Select(Name));
}
