using ChaosFeatures.Steps;
using Reqnroll;

namespace MyService.ChaosTests.Bindings;

[Binding]
public sealed class GreetingSteps(ChaosContext chaos)
{
    [When("our client {string} reads the greeting from peer {string}")]
    public async Task ReadsTheGreeting(string task, string peer)
    {
        var client = new GreetingClient(await chaos.EndpointAsync(peer));
        chaos.StartTask(task, $"read the greeting of {peer}", client.ReadAsync);
    }
}
