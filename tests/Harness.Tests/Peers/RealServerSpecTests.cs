using ChaosFeatures.EvilPeer.Peers.Accept;
using ChaosFeatures.Harness.Counters;
using ChaosFeatures.Harness.Leaks;
using ChaosFeatures.Harness.Peers;
using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Harness.Servers;

namespace ChaosFeatures.Harness.Tests.Peers;

/// <summary>A name that stands for a real server takes faults only through its proxy; every evil-peer step on it says so.</summary>
public sealed class RealServerSpecTests
{
    private static ScenarioPeers Peers() =>
        new(() => ChaosSeeds.Default.For("features/redis.feature:3"), () => throw new InvalidOperationException("no events here"), new LeakChecker(), new ChaosCounters());

    private static ScenarioPeers WithRedis()
    {
        var peers = Peers();
        peers.DefineRealServer("R", RealServerKind.Redis);
        return peers;
    }

    [Fact]
    public void Evil_peer_steps_on_a_real_server_name_the_way_that_fits()
    {
        const string message = "\"R\" is a real redis server: that step is for evil peers; front it with a toxic proxy instead";
        new Action(() => WithRedis().ConfigureEvilPeer("R").CloseAfter(10)).Should().Throw<InvalidOperationException>().WithMessage(message);
        new Action(() => WithRedis().DefineEvilPeer("R").Accept(AcceptFault.Refuse)).Should().Throw<InvalidOperationException>().WithMessage(message);
        new Action(() => WithRedis().ConfigureEvilPeer("R").RunForked()).Should().Throw<InvalidOperationException>().WithMessage(message);
        new Action(() => WithRedis().ConfigureEvilPeer("R").Tls()).Should().Throw<InvalidOperationException>().WithMessage(message);
    }

    [Fact]
    public void Its_proxy_takes_the_proxy_steps()
    {
        var peers = WithRedis();
        peers.Configure("R").ProxyTls().Owner.Should().Be("the proxy of peer \"R\"");

        var spec = peers.Spec("R");
        spec.Should().BeOfType<RealServerSpec>().Which.Kind.Should().BeSameAs(RealServerKind.Redis);
        spec.Proxy.Should().NotBeNull("a proxy TLS step implies the proxy");
        spec.ClientsSpeakTls.Should().BeTrue();
        spec.ServedPayload.Should().BeNull("what a real server answers is not known beforehand");
    }

    [Fact]
    public void A_name_that_already_serves_or_runs_forked_cannot_become_a_real_server()
    {
        var peers = Peers();
        peers.DefineEvilPeer("S").Serve(() => [1]);
        new Action(() => peers.DefineRealServer("S", RealServerKind.Redis)).Should().Throw<InvalidOperationException>()
            .WithMessage("evil peer \"S\" is already a serve peer; it cannot also be a real redis server (use another name)");

        peers.DefineEvilPeer("F").Accept(AcceptFault.Refuse);
        peers.ConfigureEvilPeer("F").RunForked();
        new Action(() => peers.DefineRealServer("F", RealServerKind.Redis)).Should().Throw<InvalidOperationException>()
            .WithMessage("*a real server takes faults only through its proxy");
    }

    [Fact]
    public void A_real_server_is_one_kind()
    {
        var peers = WithRedis();
        peers.DefineRealServer("R", RealServerKind.Redis).Should().BeSameAs(peers.Spec("R"), "the same step twice means the same server");
        new Action(() => peers.DefineRealServer("R", RealServerKind.Postgres)).Should().Throw<InvalidOperationException>()
            .WithMessage("\"R\" is a real redis server; it cannot also be a real postgres server (use another name)");
    }

    [Fact]
    public void An_unknown_kind_lists_the_known_ones()
    {
        Action unknown = () => RealServerKind.Named("mongo");
        unknown.Should().Throw<ArgumentException>().WithMessage("no real server 'mongo'; known: redis*");
    }
}
