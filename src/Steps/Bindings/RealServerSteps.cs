using Reqnroll;
using ChaosFeatures.Harness.Servers;
using ChaosFeatures.Harness.Tasks;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Scenario;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(7, "Real servers", "A real server from a Debian package (redis, postgres), started on a free loopback port by the scenario and stopped " +
    "with it; it takes faults through its toxic proxy (\"the proxy of peer\" steps). Where the program is missing the scenario is skipped " +
    "with the install command (a failure under CHAOS_STRICT=1). Tasks talk to a line-based one (redis) one line at a time: the reply is its " +
    "first line; postgres (a fresh cluster, user postgres, no password) is for your own client's bindings (ChaosContext.EndpointAsync).")]
public sealed class RealServerSteps(ChaosScenario chaos)
{
    [Given("a real {word} server {string}"), StepExample("Given a real redis server \"R\"")]
    public void RealServer(string kind, string name)
    {
        var server = RealServerKind.Named(kind);
        if (server.FindProgram() is null) chaos.Skip(server.MissingReason);
        chaos.Peers.DefineRealServer(name, server);
    }

    [When("task {string} sends the line {string} to peer {string}"), StepExample("When task \"C\" sends the line \"PING\" to peer \"R\"")]
    public async Task SendsLine(string task, string line, string peer)
    {
        var running = await chaos.Peers.GetAsync(peer, chaos.Cancellation);
        chaos.Tasks.Enqueue(task, TaskActions.SendLine(chaos.Tasks.Get(task), running, line, chaos.Counters, chaos.Timeline));
    }
}
