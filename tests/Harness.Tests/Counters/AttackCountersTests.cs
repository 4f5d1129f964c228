using System.Net;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.Hold;
using ChaosFeatures.Harness.Counters;
using ChaosFeatures.Harness.ServersUnderTest;

namespace ChaosFeatures.Harness.Tests.Counters;

public sealed class AttackCountersTests
{
    [Fact]
    public async Task An_evil_client_and_a_server_under_test_become_counters_a_then_step_reads()
    {
        var counters = new ChaosCounters();
        await using ServerUnderTest server = await ServerUnderTest.StartAsync(new ServerUnderTestOptions("S", ServerCommands.LengthPrefixed()));
        using var refusing = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        refusing.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await using var refused = EvilClient.Start(new EvilClientOptions("R", (IPEndPoint)refusing.LocalEndPoint!, new HoldBehaviour(10), connections: 3));
        await using var held = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new HoldBehaviour(100), connections: 2));

        counters.RecordEvilClient("R", (await refused.WaitAsync(TimeSpan.FromSeconds(20))).Stats);
        counters.RecordEvilClient("E", (await held.WaitAsync(TimeSpan.FromSeconds(20))).Stats);
        // Right after the clients' FINs the server may hold a connection in CLOSE_WAIT for a moment.
        counters.RecordServer("S", await server.WaitUntilAsync(s => s.Established == 0 && s.CloseWait == 0, "done with both", TimeSpan.FromSeconds(20)));

        counters.Get("evil_client_refused_R").Should().Be(3);
        counters.Get("evil_client_connected_R").Should().Be(0);
        counters.Get("evil_client_connected_E").Should().Be(2);
        counters.Get("evil_client_open_E").Should().Be(0);
        counters.Get("server_alive_S").Should().Be(1);
        counters.Get("server_open_fds_S").Should().BeGreaterThan(3);
        counters.Get("server_close_wait_S").Should().Be(0);
    }
}
