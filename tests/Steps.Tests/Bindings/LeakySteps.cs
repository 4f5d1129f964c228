using System.Collections.Concurrent;
using System.Net.Sockets;
using Reqnroll;
using ChaosFeatures.Steps.Scenario;

namespace ChaosFeatures.Steps.Tests.Bindings;

/// <summary>Test-only: a client that connects to a peer and never closes, for the leak check to catch.</summary>
[Binding]
public sealed class LeakySteps(ChaosScenario chaos)
{
    /// <summary>
    /// The leaked sockets with the peer port they connected to (a reset socket no longer knows it),
    /// closed by the test once it has seen the scenario fail.
    /// </summary>
    public static readonly ConcurrentBag<(Socket Socket, int PeerPort)> Leaked = [];

    [When("a leaky client connects to peer {string}")]
    public async Task Connect(string peer)
    {
        var running = await chaos.Peers.GetAsync(peer, CancellationToken.None);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        Leaked.Add((socket, running.ClientEndPoint.Port));
        await socket.ConnectAsync(running.ClientEndPoint);
    }

    public static void CloseAll()
    {
        while (Leaked.TryTake(out var leaked)) leaked.Socket.Dispose();
    }
}
