using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace ChaosFeatures.Control.Api;

/// <summary>
/// Makes ASP.NET's router answer like gorilla/mux: paths match case-sensitively, a trailing slash
/// or an encoded <c>/</c> in a name matches nothing, and what matches nothing gets Go's
/// <c>404 page not found</c> (ASP.NET would match <c>/Proxies/</c> and answer an empty 404).
/// </summary>
internal static class RouteGuard
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        string path = context.Request.Path.Value ?? "";
        string raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? path;
        bool matches = context.GetEndpoint() is { } endpoint
            && (path.Length <= 1 || !path.EndsWith('/'))
            && !raw.Contains("%2f", StringComparison.OrdinalIgnoreCase)
            && (endpoint is not RouteEndpoint route || LiteralsMatch(route.RoutePattern.RawText ?? "", path));
        if (matches) await next(context);
        else await ApiResponse.NotFoundPage(context);
    }

    private static bool LiteralsMatch(string pattern, string path)
    {
        string[] expected = pattern.Split('/'), actual = path.Split('/');
        if (expected.Length != actual.Length) return false;
        for (int i = 0; i < expected.Length; i++)
            if (!expected[i].StartsWith('{') && expected[i] != actual[i]) return false;
        return true;
    }
}
