using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChaosFeatures.Examples.HttpResilience.Bindings;

/// <summary>
/// The small, well-behaved HTTP service the client depends on: Kestrel on a free loopback port serving a fixed
/// body at <c>/orders</c>. The faults are the proxy's, never the server's.
/// </summary>
internal sealed class OrdersServer(WebApplication app, IPEndPoint endPoint) : IAsyncDisposable
{
    public const string Path = "/orders";

    public IPEndPoint EndPoint { get; } = endPoint;

    public static async Task<OrdersServer> StartAsync(byte[] orders, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet(Path, () => Results.Bytes(orders, "application/x-ndjson"));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new OrdersServer(app, new IPEndPoint(IPAddress.Loopback, new Uri(address).Port));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
