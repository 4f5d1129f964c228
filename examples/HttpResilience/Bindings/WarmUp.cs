using ChaosFeatures.Harness.Payloads;
using Microsoft.Extensions.DependencyInjection;
using Reqnroll;

namespace ChaosFeatures.Examples.HttpResilience.Bindings;

/// <summary>
/// One request through the same kind of pipeline before the first scenario: compiling HttpClient, the resilience handler
/// and Kestrel takes about a second on a busy 2-core CI machine, and a fresh-clone run saw the first scenario's first
/// 1000 ms attempt time out before it had even connected (so it counted 3 attempts, not 2).
/// </summary>
[Binding]
public static class WarmUp
{
    [BeforeTestRun]
    public static async Task HttpPipelineAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var server = await OrdersServer.StartAsync(FakeRecords.Encode(FakeRecords.Generate(1, 1), RecordFormat.Jsonl), bound.Token);
        var services = new ServiceCollection();
        services.AddHttpClient("warm-up", client => client.BaseAddress = new Uri($"http://{server.EndPoint}")).AddStandardResilienceHandler();
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("warm-up");
        await client.GetByteArrayAsync(OrdersServer.Path, bound.Token);
    }
}
