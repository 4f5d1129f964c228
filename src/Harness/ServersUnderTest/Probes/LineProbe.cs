using System.Net.Sockets;
using System.Text;

namespace ChaosFeatures.Harness.ServersUnderTest.Probes;

/// <summary>
/// Sends one line (CRLF-terminated) and expects one reply line, e.g. redis's inline <c>PING</c> and
/// <c>+PONG</c> (see <see cref="RedisPing"/>).
/// </summary>
public sealed class LineProbe(string request, string expectedReply) : IServerProbe
{
    private const int MaxReplyBytes = 64 * 1024;

    /// <summary>Redis answers an inline PING with +PONG.</summary>
    public static LineProbe RedisPing { get; } = new("PING", "+PONG");

    public string Description => $"{request} -> {expectedReply}";

    public async Task ExchangeAsync(Socket socket, CancellationToken cancellationToken)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(request + "\r\n"), SocketFlags.None, cancellationToken);
        string reply = await ProbeIo.ReadLineAsync(socket, MaxReplyBytes, cancellationToken);
        if (reply != expectedReply) throw new ProbeMismatchException($"expected \"{expectedReply}\", got \"{reply}\"");
    }
}
