using System.Net.Sockets;
using ChaosFeatures.Harness.Clients;
using Reqnroll;

namespace ChaosFeatures.Steps.Tests.Bindings;

/// <summary>Test-only: a user's own binding over the public ChaosContext, as a team would write one.</summary>
[Binding]
public sealed class UserClientSteps(ChaosContext chaos)
{
    [When("user task {string} reads peer {string} to its end")]
    public async Task ReadsToItsEnd(string task, string peer)
    {
        var endpoint = await chaos.EndpointAsync(peer);
        chaos.StartTask(task, $"read {peer}", async ct =>
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endpoint, ct);
            using var received = new MemoryStream();
            var buffer = new byte[1024];
            int read;
            while ((read = await socket.ReceiveAsync(buffer, ct)) > 0) received.Write(buffer, 0, read);
            return received.ToArray();
        });
    }

    [When("user task {string} waits {int} ms")]
    public void Waits(string task, int ms) => chaos.StartTask(task, $"wait {ms} ms", ct => Task.Delay(ms, ct));

    [When("user task {string} fails with corrupt data")]
    public void FailsWithCorruptData(string task)
    {
        chaos.ClassifyWith(error => error is InvalidDataException ? Outcome.Corrupt : null);
        chaos.StartTask(task, "parse a bad frame", _ => Task.FromException(new InvalidDataException("frame checksum mismatch")));
    }

    /// <summary>Connects and hands the socket to the scenario instead of closing it: the end disposes it before the leak check.</summary>
    [When("user task {string} keeps a connection to peer {string} open")]
    public async Task KeepsAConnectionOpen(string task, string peer)
    {
        var endpoint = await chaos.EndpointAsync(peer);
        chaos.StartTask(task, $"connect to {peer} and keep it", async ct =>
        {
            var socket = chaos.Own(new Socket(SocketType.Stream, ProtocolType.Tcp));
            await socket.ConnectAsync(endpoint, ct);
        });
    }
}
