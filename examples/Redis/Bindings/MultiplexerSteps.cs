using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Steps;
using Reqnroll;
using StackExchange.Redis;

namespace ChaosFeatures.Examples.Redis.Bindings;

/// <summary>
/// A team's own steps over StackExchange.Redis: a multiplexer connected to a named peer (the toxic proxy in front of
/// the real redis-server), and commands run as scenario tasks, so the library's faults, killers and Then steps apply.
/// </summary>
[Binding]
public sealed class MultiplexerSteps(ChaosContext chaos)
{
    private readonly Dictionary<string, ConnectionMultiplexer> _multiplexers = [];

    [Given("a multiplexer {string} connected to peer {string} with a {int} ms command timeout")]
    public async Task Connected(string name, string peer, int timeoutMs)
    {
        var endpoint = await chaos.EndpointAsync(peer);
        var options = new ConfigurationOptions
        {
            EndPoints = { endpoint },
            AbortOnConnectFail = false,
            ConnectTimeout = 5_000,
            AsyncTimeout = timeoutMs,
            SyncTimeout = timeoutMs,
            // Reconnect quickly and steadily, so a scenario can wait for it.
            ReconnectRetryPolicy = new LinearRetry(100),
        };
        var multiplexer = chaos.Own(await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(chaos.Cancellation));
        if (!multiplexer.IsConnected) throw new InvalidOperationException($"multiplexer {name} did not connect to {endpoint}: {multiplexer.GetStatus()}");
        _multiplexers[name] = multiplexer;
        // A connection the server side closed (a FIN) reaches the caller as the client's own exception with no socket
        // error inside: its failure type says what happened. Everything else is left to the library's classification.
        chaos.ClassifyWith(error => error is RedisConnectionException { FailureType: ConnectionFailureType.SocketClosed } ? Outcome.Eof : null);
    }

    [When("task {string} sets {string} to {string} through {string}")]
    public void Sets(string task, string key, string value, string name)
    {
        var db = Database(name);
        chaos.StartTask(task, $"SET {key}", async ct => await db.StringSetAsync(key, value).WaitAsync(ct));
    }

    [When("task {string} gets {string} through {string}")]
    public void Gets(string task, string key, string name)
    {
        var db = Database(name);
        chaos.StartTask(task, $"GET {key}", async ct => (string?)await db.StringGetAsync(key).WaitAsync(ct));
    }

    /// <summary>PINGs until one answers: the multiplexer reconnects in the background, on its own schedule.</summary>
    [When("task {string} waits until {string} answers again")]
    public void AnswersAgain(string task, string name)
    {
        var db = Database(name);
        chaos.StartTask(task, $"wait until {name} answers", async ct =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await db.PingAsync().WaitAsync(ct);
                    chaos.Counters.Set($"redis_pings_until_answer_{task}", attempt);
                    return;
                }
                catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
                {
                    await Task.Delay(50, ct);
                }
            }
        });
    }

    private IDatabase Database(string name) => _multiplexers.TryGetValue(name, out var multiplexer)
        ? multiplexer.GetDatabase()
        : throw new InvalidOperationException($"no multiplexer \"{name}\"; connect it first: Given a multiplexer \"{name}\" connected to peer \"R\" with a 1000 ms command timeout");
}
