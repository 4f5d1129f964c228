using System.Text;
using ChaosFeatures.Control.Json;
using Microsoft.AspNetCore.Http;

namespace ChaosFeatures.Control.Api;

/// <summary>
/// Responses byte for byte as Toxiproxy sends them: JSON bodies with <c>application/json</c> and no
/// trailing newline; errors through Go's <c>http.Error</c>, hence <c>text/plain; charset=utf-8</c>,
/// <c>nosniff</c> and a trailing newline, even though the body is JSON.
/// </summary>
internal static class ApiResponse
{
    public const string RequestIdHeader = "X-Toxiproxy-Request-Id";

    public static Task Json(HttpContext context, int status, GoJsonWriter json) =>
        Write(context, status, "application/json", json.ToString());

    public static Task Error(HttpContext context, ApiError error)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var body = new GoJsonWriter().BeginObject().Name("error").String(error.Message).Name("status").Number(error.Status).EndObject();
        return Write(context, error.Status, "text/plain; charset=utf-8", body + "\n");
    }

    public static Task NoContent(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>Go's <c>http.NotFound</c>: what gorilla/mux answers for a path no route matches.</summary>
    public static Task NotFoundPage(HttpContext context)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Write(context, StatusCodes.Status404NotFound, "text/plain; charset=utf-8", "404 page not found\n");
    }

    /// <summary>Toxiproxy refuses browsers, so a web page cannot drive it by cross-site requests.</summary>
    public static Task BrowserRefused(HttpContext context)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Write(context, StatusCodes.Status403Forbidden, "text/plain; charset=utf-8", "User agent not allowed\n");
    }

    public static Task Write(HttpContext context, int status, string contentType, string body)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes).AsTask();
    }
}
