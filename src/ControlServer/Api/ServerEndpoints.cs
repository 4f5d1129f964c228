using ChaosFeatures.Control.Json;
using ChaosFeatures.Control.Model;
using Microsoft.AspNetCore.Http;

namespace ChaosFeatures.Control.Api;

/// <summary><c>/version</c>, <c>/reset</c> and <c>/populate</c>.</summary>
internal sealed class ServerEndpoints(ProxyRegistry registry)
{
    /// <summary>
    /// The Toxiproxy API version this server speaks. Numeric x.y.z because clients parse it
    /// (Toxiproxy.Client uses System.Version and switches to PATCH from 2.6.0 on).
    /// </summary>
    public const string ApiVersion = "2.12.0";

    /// <summary>Byte-exact, space and newline included: Toxiproxy's own test compares the body.</summary>
    public static Task Version(HttpContext context, byte[] body) =>
        ApiResponse.Write(context, 200, "application/json;charset=utf-8", $"{{\"version\": \"{ApiVersion}\"}}\n");

    /// <summary>Any body is ignored.</summary>
    public Task Reset(HttpContext context, byte[] body)
    {
        registry.Reset();
        return ApiResponse.NoContent(context);
    }

    /// <summary>Errors here are <c>application/json</c> and carry <c>proxies</c>, unlike every other route.</summary>
    public Task Populate(HttpContext context, byte[] body)
    {
        IReadOnlyList<ApiProxy> proxies = [];
        ApiError? error;
        try
        {
            var items = PopulateInput.Decode(RequestBody.Parse(body));
            (proxies, error) = registry.Populate(items);
        }
        catch (ApiError e)
        {
            error = e;
        }
        var json = new GoJsonWriter().BeginObject();
        if (error is not null) json.Name("error").String(error.Message).Name("status").Number(error.Status);
        json.Name("proxies");
        if (proxies.Count == 0) json.Null(); // Go's nil slice: an empty populate answers "proxies":null
        else
        {
            json.BeginArray();
            registry.Read(_ =>
            {
                foreach (ApiProxy proxy in proxies) proxy.Write(json);
                return 0;
            });
            json.EndArray();
        }
        return ApiResponse.Json(context, error?.Status ?? 201, json.EndObject());
    }
}
