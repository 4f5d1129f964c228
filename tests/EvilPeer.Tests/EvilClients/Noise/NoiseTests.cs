using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.Noise;
using ChaosFeatures.EvilPeer.Tests.EvilClients.Support;

namespace ChaosFeatures.EvilPeer.Tests.EvilClients.Noise;

public sealed class NoiseTests
{
    [Fact]
    public async Task Random_bytes_are_seeded_per_connection_and_replay_from_the_seed()
    {
        await using var server = new TargetServer();
        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new RandomBytesBehaviour(5000, chunkBytes: 700), connections: 2, seed: 42));

        await client.WaitAsync(TargetServer.Bound);
        await server.WaitForEndsAsync(2);

        byte[][] expected = [RandomBytesBehaviour.Draw(42, 1, 5000), RandomBytesBehaviour.Draw(42, 2, 5000)];
        server.Seen.Select(s => s.Bytes).Should().BeEquivalentTo(expected, "each connection draws from its own seeded stream (accept order may differ)");
        expected[0].Should().NotEqual(expected[1]);
        RandomBytesBehaviour.Draw(43, 1, 5000).Should().NotEqual(expected[0]);
    }

    [Fact]
    public async Task Replay_sends_the_recorded_bytes_again_and_again()
    {
        byte[] frame = [0, 0, 0, 3, (byte)'a', (byte)'b', (byte)'c'];
        await using var server = new TargetServer();
        await using var client = EvilClient.Start(new EvilClientOptions("E", server.EndPoint, new ReplayBehaviour(frame, repeat: 100, chunkBytes: 3)));

        EvilClientReport report = await client.WaitAsync(TargetServer.Bound);
        await server.WaitForEndsAsync(1);

        server.Seen.Single().Bytes.Should().Equal(Enumerable.Repeat(frame, 100).SelectMany(b => b));
        report.Stats.BytesSent.Should().Be(700);
    }
}
