using System.Diagnostics;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Tests.Proxy.Support;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Connect;
using ChaosFeatures.EvilPeer.Validation;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Proxy;

public sealed class ConnectPhaseTests
{
    [Fact]
    public async Task Connect_refuse_refuses_new_connections_keeps_live_ones_and_listens_again_on_the_same_port()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo());
        using Socket live = await harness.ConnectedEchoAsync();
        int port = harness.Proxy.ListenEndpoint.Port;

        harness.Proxy.AddToxic(new ConnectRefuseOptions());

        Func<Task> connect = () => LoopbackClient.ConnectAsync(harness.Proxy.ListenEndpoint);
        (await connect.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
        await LoopbackClient.SendAsync(live, [4]);
        (await LoopbackClient.ReadExactlyAsync(live, 1)).Should().Equal(4);

        harness.Proxy.RemoveToxic("connect_refuse_downstream").Should().BeTrue();
        harness.Proxy.ListenEndpoint.Port.Should().Be(port);
        using Socket again = await harness.ConnectedEchoAsync();
    }

    [Fact]
    public async Task Connect_delay_holds_a_new_connection_before_the_upstream_is_dialed()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 1, new ConnectDelayOptions { Delay = 400 });
        var watch = Stopwatch.StartNew();
        using Socket client = await harness.ConnectAsync();
        await LoopbackClient.SendAsync(client, [1]);

        (await LoopbackClient.ReadExactlyAsync(client, 1)).Should().Equal(1);

        watch.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(350));
    }

    [Fact]
    public async Task Removing_connect_delay_releases_the_waiting_connections_at_once()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 1, new ConnectDelayOptions { Delay = 3_600_000 });
        using Socket client = await harness.ConnectAsync();
        await LoopbackClient.SendAsync(client, [1]);
        (await LoopbackClient.ReadToEndAsync(client, TimeSpan.FromMilliseconds(300))).End.Should().Be("timeout");

        harness.Proxy.RemoveToxic("connect_delay_downstream");

        (await LoopbackClient.ReadExactlyAsync(client, 1)).Should().Equal(1);
    }

    [Theory]
    [InlineData(CloseMode.Fin, "eof")]
    [InlineData(CloseMode.Rst, "reset")]
    public async Task Connect_close_accepts_then_closes_before_dialing(CloseMode mode, string end)
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 1, new ConnectCloseOptions { Close = mode });
        string outcome;
        try
        {
            using Socket client = await harness.ConnectAsync();
            outcome = (await LoopbackClient.ReadToEndAsync(client)).End;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            outcome = "reset"; // the RST follows the accept so closely that the connect may report it
        }

        outcome.Should().Be(end);
        harness.Sink.Named("upstream_connect").Should().BeEmpty();
    }

    [Fact]
    public async Task Connect_hang_never_serves_until_removed()
    {
        await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 1, new ConnectHangOptions());
        using Socket client = await harness.ConnectAsync(); // the kernel completes the handshake
        await LoopbackClient.SendAsync(client, [7]);
        (await LoopbackClient.ReadToEndAsync(client, TimeSpan.FromMilliseconds(300))).End.Should().Be("timeout");

        harness.Proxy.RemoveToxic("connect_hang_downstream");

        (await LoopbackClient.ReadExactlyAsync(client, 1)).Should().Equal(7);
    }

    [Fact]
    public async Task Connect_close_toxicity_is_drawn_per_connection_from_the_seed()
    {
        async Task<bool[]> RunAsync()
        {
            await using var harness = await ProxyHarness.StartAsync(LoopbackServer.Echo(), 42, new ConnectCloseOptions { Toxicity = 0.5 });
            var closed = new List<bool>();
            for (int i = 0; i < 12; i++)
            {
                using Socket client = await harness.ConnectAsync();
                await LoopbackClient.SendAsync(client, [1]);
                ReadOutcome outcome = await LoopbackClient.ReadToEndAsync(client, TimeSpan.FromMilliseconds(i == 0 ? 2000 : 1000));
                closed.Add(outcome.Bytes.Length == 0);
            }
            return [.. closed];
        }

        bool[] first = await RunAsync();
        first.Should().Contain(true).And.Contain(false, "toxicity 0.5 closes some connections, not all");
        (await RunAsync()).Should().Equal(first, "the same seed draws the same decisions");
    }

    [Fact]
    public void Listener_faults_refuse_a_toxicity_other_than_1()
    {
        Action validate = () => new ConnectRefuseOptions { Toxicity = 0.5 }.Validate();

        validate.Should().Throw<OptionsValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Should().StartWith("toxicity: 0.5 is not allowed: connect_refuse acts on the listener");
    }
}
