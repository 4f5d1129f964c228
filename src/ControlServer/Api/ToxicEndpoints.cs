using ChaosFeatures.Control.Json;
using ChaosFeatures.Control.Model;
using Microsoft.AspNetCore.Http;

namespace ChaosFeatures.Control.Api;

/// <summary><c>/proxies/{proxy}/toxics</c> and <c>/proxies/{proxy}/toxics/{toxic}</c>.</summary>
internal sealed class ToxicEndpoints(ProxyRegistry registry)
{
    public Task Index(HttpContext context, byte[] body)
    {
        GoJsonWriter json = registry.WithProxy(ProxyEndpoints.Name(context), proxy =>
        {
            var list = new GoJsonWriter().BeginArray();
            foreach (ApiToxic toxic in proxy.Toxics) toxic.Write(list);
            return list.EndArray();
        });
        return ApiResponse.Json(context, 200, json);
    }

    /// <summary>200, not 201, as in Toxiproxy.</summary>
    public Task Create(HttpContext context, byte[] body)
    {
        GoJsonWriter json = registry.WithProxy(ProxyEndpoints.Name(context), proxy =>
        {
            ApiToxic toxic = ToxicInput.Create(RequestBody.Parse(body), name => proxy.FindToxic(name) is not null);
            proxy.AddToxic(toxic);
            return Write(toxic);
        });
        return ApiResponse.Json(context, 200, json);
    }

    public Task Show(HttpContext context, byte[] body) =>
        ApiResponse.Json(context, 200, registry.WithProxy(ProxyEndpoints.Name(context), proxy => Write(Find(proxy, context))));

    /// <summary>The toxic is looked up before the body is parsed, so a bad body for a missing toxic is a 404.</summary>
    public Task Update(HttpContext context, byte[] body)
    {
        GoJsonWriter json = registry.WithProxy(ProxyEndpoints.Name(context), proxy =>
        {
            ApiToxic current = Find(proxy, context);
            ApiToxic next = ToxicInput.Update(RequestBody.Parse(body), current);
            proxy.ReplaceToxic(current, next);
            return Write(next);
        });
        return ApiResponse.Json(context, 200, json);
    }

    public Task Delete(HttpContext context, byte[] body)
    {
        registry.WithProxy(ProxyEndpoints.Name(context), proxy =>
        {
            proxy.RemoveToxic(Find(proxy, context));
            return 0;
        });
        return ApiResponse.NoContent(context);
    }

    private static ApiToxic Find(ApiProxy proxy, HttpContext context) =>
        proxy.FindToxic((string)context.Request.RouteValues["toxic"]!) ?? throw ApiError.ToxicNotFound();

    private static GoJsonWriter Write(ApiToxic toxic)
    {
        var json = new GoJsonWriter();
        toxic.Write(json);
        return json;
    }
}
