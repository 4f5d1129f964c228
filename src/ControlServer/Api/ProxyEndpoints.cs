using ChaosFeatures.Control.Json;
using ChaosFeatures.Control.Model;
using Microsoft.AspNetCore.Http;

namespace ChaosFeatures.Control.Api;

/// <summary><c>/proxies</c> and <c>/proxies/{proxy}</c>.</summary>
internal sealed class ProxyEndpoints(ProxyRegistry registry)
{
    /// <summary>An object keyed by name; Go marshals map keys sorted.</summary>
    public Task Index(HttpContext context, byte[] body)
    {
        var json = new GoJsonWriter().BeginObject();
        registry.Read(proxies =>
        {
            foreach (ApiProxy proxy in proxies.Values.OrderBy(p => p.Name, StringComparer.Ordinal)) proxy.Write(json.Name(proxy.Name));
            return 0;
        });
        return ApiResponse.Json(context, 200, json.EndObject());
    }

    public Task Create(HttpContext context, byte[] body)
    {
        ProxyInput input = ProxyInput.Decode(RequestBody.Parse(body), new ProxyInput("", "", "", Enabled: true));
        var json = new GoJsonWriter();
        ApiProxy proxy = registry.Create(input);
        registry.WithProxy(proxy.Name, p => { p.Write(json); return 0; });
        return ApiResponse.Json(context, 201, json);
    }

    public Task Show(HttpContext context, byte[] body) =>
        ApiResponse.Json(context, 200, registry.WithProxy(Name(context), Write));

    public Task Update(HttpContext context, byte[] body)
    {
        var json = new GoJsonWriter();
        registry.Update(Name(context), proxy =>
            ProxyInput.Decode(RequestBody.Parse(body), new ProxyInput(proxy.Name, proxy.Listen, proxy.Upstream, proxy.Enabled)));
        registry.WithProxy(Name(context), p => { p.Write(json); return 0; });
        return ApiResponse.Json(context, 200, json);
    }

    public Task Delete(HttpContext context, byte[] body)
    {
        registry.Delete(Name(context));
        return ApiResponse.NoContent(context);
    }

    public static string Name(HttpContext context) => (string)context.Request.RouteValues["proxy"]!;

    private static GoJsonWriter Write(ApiProxy proxy)
    {
        var json = new GoJsonWriter();
        proxy.Write(json);
        return json;
    }
}
