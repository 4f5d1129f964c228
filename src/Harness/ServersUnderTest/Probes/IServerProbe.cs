using System.Net.Sockets;

namespace ChaosFeatures.Harness.ServersUnderTest.Probes;

/// <summary>
/// What a legitimate client does to check a server still serves: one exchange on a fresh, connected
/// socket. One method; it throws (any exception, a <see cref="ProbeMismatchException"/> for a wrong
/// reply) when the server did not answer as it should, and must honour the token (it is the bound).
/// </summary>
public interface IServerProbe
{
    /// <summary>For messages: <c>a length-prefixed echo of 16 bytes</c>, <c>PING -> +PONG</c>.</summary>
    string Description { get; }

    Task ExchangeAsync(Socket socket, CancellationToken cancellationToken);
}
