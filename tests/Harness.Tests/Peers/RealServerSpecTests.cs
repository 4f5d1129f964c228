using ChaosFeatures.EvilPeer.Peers.Accept;
using ChaosFeatures.Harness.Peers;
using ChaosFeatures.Harness.Servers;

namespace ChaosFeatures.Harness.Tests.Peers;

/// <summary>A name that stands for a real server takes faults only through its proxy; every evil-peer fault says so.</summary>
public sealed class RealServerSpecTests
{
    private static PeerSpec Redis()
    {
        var spec = new PeerSpec("R");
        spec.Real(RealServerKind.Redis);
        return spec;
    }

    [Fact]
    public void Evil_peer_faults_on_a_real_server_name_the_way_that_fits()
    {
        Action close = () => Redis().CloseAfter(10);
        close.Should().Throw<InvalidOperationException>().WithMessage("*that fault is for serve peers, and \"R\" is a real peer*");

        Action refuse = () => Redis().Accept(AcceptFault.Refuse);
        refuse.Should().Throw<InvalidOperationException>().WithMessage("\"R\" is a real redis server: an accept fault is for evil peers; front it with a toxic proxy instead");

        Action fork = () => Redis().RunForked();
        fork.Should().Throw<InvalidOperationException>().WithMessage("*running as a forked peer is for evil peers*");
    }

    [Fact]
    public void A_name_that_already_serves_or_runs_forked_cannot_become_a_real_server()
    {
        var serving = new PeerSpec("R");
        serving.Serve(() => [1]);
        Action real = () => serving.Real(RealServerKind.Redis);
        real.Should().Throw<InvalidOperationException>().WithMessage("*already a serve peer*");

        var forked = new PeerSpec("F");
        forked.RunForked();
        Action forkedReal = () => forked.Real(RealServerKind.Redis);
        forkedReal.Should().Throw<InvalidOperationException>().WithMessage("*a real server takes faults only through its proxy");
    }

    [Fact]
    public void An_unknown_kind_lists_the_known_ones()
    {
        Action unknown = () => RealServerKind.Named("mongo");
        unknown.Should().Throw<ArgumentException>().WithMessage("no real server 'mongo'; known: redis*");
    }
}
