using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Echo;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.Seeds;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.EvilPeer.Tests.Peers.Echo;

public sealed class EchoTests
{
    [Fact]
    public async Task Echoes_everything_then_answers_fin_with_fin()
    {
        byte[] upload = PayloadGenerator.Generate(seed: 5, length: 200_000);
        await using var peer = await PeerHost.StartAsync(new PeerOptions("EP", new EchoBehaviour()));
        using var client = await LoopbackClient.ConnectAsync(peer.EndPoint);

        var download = LoopbackClient.DownloadAsync(client);
        await client.SendAsync(upload).WaitAsync(LoopbackClient.Bound);
        client.Shutdown(SocketShutdown.Send);

        var echoed = await download;
        echoed.EndedWithFin.Should().BeTrue();
        echoed.Bytes.Should().Equal(upload);
        await peer.WaitForConnectionsAsync(1, LoopbackClient.Bound);
        peer.Stats.BytesRead.Should().Be(upload.Length);
        peer.Stats.BytesServed.Should().Be(upload.Length);
    }
}
