using System.Net.Sockets;

namespace ChaosFeatures.Harness.ServersUnderTest.Probes;

/// <summary>
/// Only connects. The kernel completes handshakes for a listening socket whatever the process does,
/// so this cannot tell a stopped (SIGSTOP) or wedged server from a healthy one: use a protocol probe for that.
/// </summary>
public sealed class ConnectProbe : IServerProbe
{
    public static ConnectProbe Instance { get; } = new();

    public string Description => "a TCP connect";

    public Task ExchangeAsync(Socket socket, CancellationToken cancellationToken) => Task.CompletedTask;
}
