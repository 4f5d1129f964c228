using ChaosFeatures.Harness.Payloads;
using ChaosFeatures.Steps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Reqnroll;

namespace ChaosFeatures.Examples.HttpResilience.Bindings;

/// <summary>
/// A team's own steps over HttpClient with the standard resilience handler (retry, attempt timeout, total timeout,
/// circuit breaker) as a service would register it, its delays shortened for a test; the server is the small
/// orders service behind the toxic proxy. Each attempt is counted (<c>http_attempts_H</c>) under the handler.
/// </summary>
[Binding]
public sealed class ResilientClientSteps(ChaosContext chaos)
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    [Given("an orders service {string} serving {int} fake orders")]
    public void OrdersService(string name, int count)
    {
        var orders = FakeRecords.Encode(FakeRecords.Generate(chaos.Seed("orders"), count), RecordFormat.Jsonl);
        chaos.Server(name, async ct =>
        {
            var server = await OrdersServer.StartAsync(orders, ct);
            return (server, server.EndPoint);
        });
    }

    [Given("a resilient HttpClient {string} for peer {string} with a {int} ms attempt timeout")]
    public async Task ResilientClient(string name, string peer, int attemptTimeoutMs)
    {
        var endpoint = await chaos.EndpointAsync(peer);
        var services = new ServiceCollection();
        services.AddSingleton(new AttemptCounter(chaos.Counters, $"http_attempts_{name}"));
        services.AddTransient<CountingHandler>();
        services.AddHttpClient(name, client => client.BaseAddress = new Uri($"http://{endpoint}"))
            // Found by the leak check: disposing the container leaves the factory's pooled connections open (CLOSE_WAIT
            // once the server side goes), so the scenario owns each primary handler and disposes it at the end.
            .ConfigurePrimaryHttpMessageHandler(() => chaos.Own(new SocketsHttpHandler()))
            .AddStandardResilienceHandler(options =>
            {
                options.Retry.MaxRetryAttempts = 2;
                options.Retry.BackoffType = DelayBackoffType.Constant;
                options.Retry.Delay = TimeSpan.FromMilliseconds(100);
                options.Retry.UseJitter = false;
                options.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(attemptTimeoutMs);
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(10);
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30); // must be at least twice the attempt timeout
            })
            .Services.AddHttpClient(name).AddHttpMessageHandler<CountingHandler>();
        var provider = chaos.Own(services.BuildServiceProvider());
        chaos.Counters.Register($"http_attempts_{name}");
        _clients[name] = provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);
    }

    [When("task {string} gets the orders through {string}")]
    public void GetsOrders(string task, string name)
    {
        var client = Client(name);
        chaos.StartTask(task, $"GET {OrdersServer.Path}", async ct => await client.GetByteArrayAsync(OrdersServer.Path, ct));
    }

    private HttpClient Client(string name) => _clients.TryGetValue(name, out var client)
        ? client
        : throw new InvalidOperationException($"no HttpClient \"{name}\"; define it first: Given a resilient HttpClient \"{name}\" for peer \"API\" with a 1000 ms attempt timeout");
}
