using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.Hold;
using ChaosFeatures.Harness.ServersUnderTest;
using ChaosFeatures.Harness.ServersUnderTest.Probes;

namespace ChaosFeatures.Harness.Tests.ServersUnderTest;

/// <summary>A scenario's servers and evil clients as steps use them: defined, tuned, started on first need with a warm baseline, restarted, ended.</summary>
public sealed class ScenarioServersTests
{
    private static readonly TimeSpan Bound = Processes.Bound;

    [Fact]
    public async Task A_defined_server_starts_on_first_need_with_a_warm_idle_baseline_and_is_then_fixed()
    {
        await using var scenario = new ScenarioServers(() => null);
        ServerSpec spec = scenario.DefineServer("S", ServerCommands.LengthPrefixed());
        spec.Probe = LengthPrefixedProbe.Default;
        spec.AddArguments(["--max-connections", "5"]);

        ServerUnderTest server = await scenario.GetServerAsync("S");

        (await scenario.GetServerAsync("S")).Should().BeSameAs(server);
        server.Options.Command.Arguments.Should().EndWith(["--max-connections", "5"]);
        server.Baseline.Should().NotBeNull();
        server.Baseline!.Established.Should().Be(0);
        server.Baseline.OpenFds.Should().BeGreaterThan(0);
        FluentActions.Invoking(() => scenario.ConfigureServer("S")).Should().Throw<InvalidOperationException>().WithMessage("server \"S\" is already running*");
        FluentActions.Invoking(() => scenario.DefineServer("S", ServerCommands.LengthPrefixed())).Should().Throw<InvalidOperationException>()
            .WithMessage("a server under test \"S\" is already defined in this scenario; use another name");
        ((Action)(() => scenario.GetServerAsync("T"))).Should().Throw<InvalidOperationException>().WithMessage("no server under test \"T\" yet; known: S");
    }

    [Fact]
    public async Task After_a_kill_it_starts_again_on_the_same_port_and_the_end_leaves_neither_process()
    {
        var scenario = new ScenarioServers(() => null);
        ServerSpec spec = scenario.DefineServer("S", ServerCommands.LengthPrefixed());
        spec.Probe = LengthPrefixedProbe.Default;
        ServerUnderTest first = await scenario.GetServerAsync("S");
        await FluentActions.Awaiting(() => scenario.RestartServerAsync("S")).Should().ThrowAsync<InvalidOperationException>().WithMessage("server \"S\" still runs*");

        await first.SignalAndWaitForExitAsync(ServerSignal.Kill, Bound);
        ServerUnderTest second = await scenario.RestartServerAsync("S");
        (await second.ProbeAsync(TimeSpan.FromSeconds(5))).ThrowIfNotAnswered();
        IReadOnlyList<string> left = await scenario.StopAllAsync();

        second.EndPoint.Should().Be(first.EndPoint);
        second.ProcessId.Should().NotBe(first.ProcessId);
        second.Baseline.Should().NotBeNull("the new process gets a baseline of its own");
        left.Should().BeEmpty();
        (await Processes.BecomesGoneAsync(second.ProcessId)).Should().BeTrue();
        Directory.Exists(first.Folder).Should().BeFalse();
        Directory.Exists(second.Folder).Should().BeFalse();
    }

    [Fact]
    public async Task A_defined_evil_client_attacks_with_its_tuning_and_the_default_seed_unless_one_is_pinned()
    {
        await using var scenario = new ScenarioServers(() => null);
        var target = await scenario.StartServerAsync(new ServerUnderTestOptions("S", ServerCommands.LengthPrefixed()));
        scenario.DefineClient(new EvilClientSpec("E", new HoldBehaviour(60_000), connections: 3) { HardClose = true });
        scenario.DefineClient(new EvilClientSpec("F", new HoldBehaviour(60_000))).Seed = 7;

        IEvilClient e = await scenario.AttackAsync("E", target.EndPoint, defaultSeed: 42);
        IEvilClient f = await scenario.AttackAsync("F", target.EndPoint, defaultSeed: 42);
        await e.Stats.WaitUntilAsync(s => s.Open == 3, "3 open", Bound);

        (e.Options.Seed, e.Options.Connections, e.Options.HardClose).Should().Be((42UL, 3, true));
        f.Options.Seed.Should().Be(7UL);
        FluentActions.Invoking(() => scenario.ConfigureClient("E")).Should().Throw<InvalidOperationException>().WithMessage("evil client \"E\" is already attacking*");
        FluentActions.Invoking(() => scenario.DefineClient(new EvilClientSpec("E", new HoldBehaviour(1)))).Should().Throw<InvalidOperationException>()
            .WithMessage("an evil client \"E\" is already defined in this scenario (one behaviour per client); use another name");
    }
}
