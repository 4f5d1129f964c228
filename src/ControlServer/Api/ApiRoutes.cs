using ChaosFeatures.Control.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChaosFeatures.Control.Api;

/// <summary>
/// Toxiproxy's routes on minimal APIs, each wrapped in what gorilla/mux runs for a matched route
/// only: the request id header, the browser refusal, and (ours) a 500 with the message instead of a
/// dead server when a handler throws. A wrong method gets ASP.NET's empty 405, as mux's. The body is
/// read where the request arrived; the handler runs on the <see cref="ControlLoop"/>.
/// </summary>
internal static class ApiRoutes
{
    public static void Map(IEndpointRouteBuilder app, ProxyRegistry registry, RequestIds ids, ControlLoop loop)
    {
        var proxies = new ProxyEndpoints(registry);
        var toxics = new ToxicEndpoints(registry);
        var server = new ServerEndpoints(registry);
        RequestDelegate Matched(Func<HttpContext, byte[], Task> handler) => context => RunAsync(context, handler, ids, loop);

        app.MapPost("/reset", Matched(server.Reset));
        app.MapGet("/proxies", Matched(proxies.Index));
        app.MapPost("/proxies", Matched(proxies.Create));
        app.MapPost("/populate", Matched(server.Populate));
        app.MapGet("/proxies/{proxy}", Matched(proxies.Show));
        app.MapMethods("/proxies/{proxy}", ["POST", "PATCH"], Matched(proxies.Update));
        app.MapDelete("/proxies/{proxy}", Matched(proxies.Delete));
        app.MapGet("/proxies/{proxy}/toxics", Matched(toxics.Index));
        app.MapPost("/proxies/{proxy}/toxics", Matched(toxics.Create));
        app.MapGet("/proxies/{proxy}/toxics/{toxic}", Matched(toxics.Show));
        app.MapMethods("/proxies/{proxy}/toxics/{toxic}", ["POST", "PATCH"], Matched(toxics.Update));
        app.MapDelete("/proxies/{proxy}/toxics/{toxic}", Matched(toxics.Delete));
        app.MapGet("/version", Matched(ServerEndpoints.Version));
    }

    private static async Task RunAsync(HttpContext context, Func<HttpContext, byte[], Task> handler, RequestIds ids, ControlLoop loop)
    {
        context.Response.Headers[ApiResponse.RequestIdHeader] = ids.Next();
        // Go's r.UserAgent() is the first User-Agent header; the check is case-sensitive.
        string userAgent = context.Request.Headers.UserAgent.Count > 0 ? context.Request.Headers.UserAgent[0] ?? "" : "";
        if (userAgent.StartsWith("Mozilla/", StringComparison.Ordinal))
        {
            await ApiResponse.BrowserRefused(context);
            return;
        }
        try
        {
            byte[] body = await RequestBody.ReadAsync(context);
            await await loop.RunAsync(() => handler(context, body));
        }
        catch (ApiError e) when (!context.Response.HasStarted)
        {
            await ApiResponse.Error(context, e);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            // A bug must cost one request, never the server (Toxiproxy dies on a bad slicer).
            await ApiResponse.Error(context, new ApiError(500, $"internal error: {e.GetType().Name}: {e.Message}"));
        }
    }
}
