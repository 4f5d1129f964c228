using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ChaosFeatures.Steps.Arguments;

/// <summary>
/// Bytes an evil client sends, as a feature writes them: <c>"PING\r\n"</c> (text with the escapes \r \n \t \0 \\ \" and
/// \xHH) or <c>a 100-byte frame</c> (the sample server's framing: a 4-byte big-endian length, then that many zero bytes).
/// </summary>
public sealed record Payload(ReadOnlyMemory<byte> Bytes, string Written)
{
    /// <summary>What a step's <c>{payload}</c> matches (one group, the whole of it).</summary>
    public const string Pattern = @"(""(?:[^""\\]|\\.)*""|a \d+-byte frame)";

    private const string FrameStart = "a ", FrameEnd = "-byte frame";

    /// <exception cref="FormatException">An unknown escape or a frame size out of range; one line naming it.</exception>
    public static Payload Parse(string written)
    {
        if (written.StartsWith(FrameStart, StringComparison.Ordinal) && written.EndsWith(FrameEnd, StringComparison.Ordinal))
            return Frame(written, written[FrameStart.Length..^FrameEnd.Length]);
        if (written.Length < 2 || written[0] != '"' || written[^1] != '"')
            throw new FormatException($"payload {written} is neither \"text\" nor a N-byte frame");
        return new Payload(Unescape(written[1..^1]), written);
    }

    public override string ToString() => Written;

    private static Payload Frame(string written, string size)
    {
        const int max = 16 * 1024 * 1024;
        if (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out int length) || length > max)
            throw new FormatException($"payload \"{written}\": the frame size {size} is out of range 0..{max} bytes");
        var frame = new byte[4 + length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)length);
        return new Payload(frame, written);
    }

    private static byte[] Unescape(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
                continue;
            }
            char escape = i + 1 < text.Length ? text[++i] : ' ';
            switch (escape)
            {
                case 'r': bytes.Add((byte)'\r'); break;
                case 'n': bytes.Add((byte)'\n'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case '0': bytes.Add(0); break;
                case '\\': bytes.Add((byte)'\\'); break;
                case '"': bytes.Add((byte)'"'); break;
                case 'x' when i + 2 < text.Length && byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte b):
                    bytes.Add(b);
                    i += 2;
                    break;
                default:
                    throw new FormatException($"payload \"{text}\": \\{escape} is not an escape; use \\r \\n \\t \\0 \\\\ \\\" or \\xHH");
            }
        }
        return [.. bytes];
    }
}
