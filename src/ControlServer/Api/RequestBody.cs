using System.Text.Json;
using ChaosFeatures.Control.Json;
using Microsoft.AspNetCore.Http;

namespace ChaosFeatures.Control.Api;

/// <summary>The request body, read whole before any lock is taken (its Content-Type is ignored, as in Toxiproxy).</summary>
internal static class RequestBody
{
    public const int MaxBytes = 16 * 1024 * 1024;

    public static async Task<byte[]> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw ApiError.BadBody($"larger than {MaxBytes} bytes");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static JsonElement Parse(byte[] body) => GoBody.Parse(body);
}
