using System.Security.Cryptography;

namespace ChaosFeatures.Control.Api;

/// <summary>
/// <c>X-Toxiproxy-Request-Id</c> values in the shape Toxiproxy sends (an xid: 20 characters of
/// base32hex over 4 bytes of time, 5 random bytes and a 3-byte counter), unique per process.
/// </summary>
internal sealed class RequestIds(TimeProvider time)
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuv";
    private readonly byte[] _process = RandomNumberGenerator.GetBytes(5);
    private int _counter = RandomNumberGenerator.GetInt32(1 << 24);

    public string Next()
    {
        Span<byte> id = stackalloc byte[12];
        uint seconds = (uint)time.GetUtcNow().ToUnixTimeSeconds();
        id[0] = (byte)(seconds >> 24);
        id[1] = (byte)(seconds >> 16);
        id[2] = (byte)(seconds >> 8);
        id[3] = (byte)seconds;
        _process.CopyTo(id[4..]);
        int counter = Interlocked.Increment(ref _counter);
        id[9] = (byte)(counter >> 16);
        id[10] = (byte)(counter >> 8);
        id[11] = (byte)counter;
        Span<char> text = stackalloc char[20];
        int bits = 0, buffer = 0, written = 0;
        foreach (byte b in id)
        {
            buffer = (buffer << 8) | b;
            for (bits += 8; bits >= 5; bits -= 5) text[written++] = Alphabet[(buffer >> (bits - 5)) & 31];
        }
        text[written] = Alphabet[(buffer << (5 - bits)) & 31]; // 96 bits: 19 full symbols and 1 bit
        return new string(text);
    }
}
