using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace ChaosFeatures.Harness.ServersUnderTest.Probes;

/// <summary>
/// The sample server's protocol (examples/SampleServers/LengthPrefixed): a 4-byte big-endian length
/// and the payload; the reply is a 4-byte length, a status byte (0 ok, 1 error) and the payload echoed.
/// </summary>
public sealed class LengthPrefixedProbe(ReadOnlyMemory<byte> payload) : IServerProbe
{
    private const int MaxReplyBytes = 16 * 1024 * 1024;

    public static LengthPrefixedProbe Default { get; } = new("ping"u8.ToArray());

    public string Description => $"a length-prefixed echo of {payload.Length} bytes";

    public async Task ExchangeAsync(Socket socket, CancellationToken cancellationToken)
    {
        var frame = new byte[4 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)payload.Length);
        payload.CopyTo(frame.AsMemory(4));
        await socket.SendAsync(frame, SocketFlags.None, cancellationToken);

        uint length = BinaryPrimitives.ReadUInt32BigEndian(await ProbeIo.ReadExactlyAsync(socket, 4, cancellationToken));
        if (length is 0 or > MaxReplyBytes) throw new ProbeMismatchException($"reply length {length} is not 1..{MaxReplyBytes}");
        byte[] reply = await ProbeIo.ReadExactlyAsync(socket, (int)length, cancellationToken);
        if (reply[0] != 0) throw new ProbeMismatchException($"error reply: {Encoding.UTF8.GetString(reply.AsSpan(1))}");
        if (!reply.AsSpan(1).SequenceEqual(payload.Span)) throw new ProbeMismatchException($"the echo differs from the {payload.Length} bytes sent");
    }
}
