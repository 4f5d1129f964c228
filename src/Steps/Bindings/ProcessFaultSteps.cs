using ChaosFeatures.EvilPeer.EvilClients.Forked;
using ChaosFeatures.Harness.ServersUnderTest;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Scenario;
using Reqnroll;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(16, "Process faults", "Signals to a server under test, through a pidfd (never to a reused pid): SIGTERM | SIGINT | SIGKILL | SIGSTOP | " +
    "SIGCONT | SIGHUP | SIGQUIT | SIGUSR1 | SIGUSR2. A signal is delivered asynchronously; after SIGSTOP or SIGCONT the step waits " +
    "(bounded by 5 s) until /proc shows the process stopped or running again. A kill during a transfer is a signal step after a step " +
    "that waits for the evil client to be mid-way (\"has sent N bytes\"). The exit is asserted with \"exits with code C within T ms of the signal\".")]
public sealed class ProcessFaultSteps(ChaosScenario chaos)
{
    private static readonly TimeSpan StateBound = TimeSpan.FromSeconds(5);

    [When("server {string} gets {word}"), StepExample("When server \"S\" gets SIGTERM")]
    public async Task Gets(string server, string signal) => await SignalAsync(await ServerAsync(server), ServerSignals.Parse(signal));

    [When("server {string} gets {word} twice, {int} ms apart"), StepExample("When server \"S\" gets SIGTERM twice, 500 ms apart")]
    public async Task GetsTwice(string server, string signal, int ms)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ms);
        var target = await ServerAsync(server);
        var parsed = ServerSignals.Parse(signal);
        await SignalAsync(target, parsed);
        await Task.Delay(TimeSpan.FromMilliseconds(ms), chaos.Time, chaos.Cancellation);
        await SignalAsync(target, parsed);
    }

    [When("the forked evil client {string} is killed"), StepExample("When the forked evil client \"E\" is killed")]
    public async Task KillsForkedClient(string client)
    {
        if (await chaos.Servers.ClientAsync(client) is not ForkedEvilClient forked)
            throw new InvalidOperationException($"evil client \"{client}\" runs in the test process; only a forked one can be killed (Given evil client \"{client}\" runs as a forked client)");
        forked.Kill();
    }

    private Task<ServerUnderTest> ServerAsync(string server) => chaos.Servers.GetServerAsync(server, chaos.Cancellation);

    private async Task SignalAsync(ServerUnderTest server, ServerSignal signal)
    {
        server.Signal(signal);
        if (signal == ServerSignal.Stop)
            await server.WaitUntilAsync(s => s.Stopped, "stopped", StateBound, chaos.Cancellation);
        else if (signal == ServerSignal.Continue)
            await server.WaitUntilAsync(s => !s.Stopped, "running again", StateBound, chaos.Cancellation);
    }
}
