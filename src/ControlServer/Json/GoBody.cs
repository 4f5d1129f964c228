using System.Text.Json;
using ChaosFeatures.Control.Api;

namespace ChaosFeatures.Control.Json;

/// <summary>
/// Reads a request body the way Toxiproxy's <c>json.NewDecoder(body).Decode</c> does: the first JSON
/// value counts and whatever follows it is ignored; an empty body is <c>EOF</c> and a cut one
/// <c>unexpected EOF</c>, the two messages clients see most.
/// </summary>
internal static class GoBody
{
    public static JsonElement Parse(ReadOnlySpan<byte> body)
    {
        int end;
        try
        {
            end = FirstValueEnd(body);
        }
        catch (JsonException e)
        {
            throw ApiError.BadBody(Describe(e, body));
        }
        using JsonDocument document = JsonDocument.Parse(body[..end].ToArray());
        return document.RootElement.Clone();
    }

    private static int FirstValueEnd(ReadOnlySpan<byte> body)
    {
        // Not the final block: a value cut short then reads as "needs more data" rather than an error.
        var reader = new Utf8JsonReader(body, isFinalBlock: false, state: default);
        if (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return (int)reader.BytesConsumed;
            if (!reader.TrySkip()) throw ApiError.BadBody("unexpected EOF");
            return (int)reader.BytesConsumed;
        }
        if (IsBlank(body)) throw ApiError.BadBody("EOF");
        // A lone number at the very end cannot know it is complete unless told so.
        var last = new Utf8JsonReader(body, isFinalBlock: true, state: default);
        try
        {
            if (last.Read() && last.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return (int)last.BytesConsumed;
        }
        catch (JsonException)
        {
            // Cut inside a literal or string: what Go calls an unexpected EOF.
        }
        throw ApiError.BadBody("unexpected EOF");
    }

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (byte b in body)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }

    /// <summary>Go names the offending character; so do we, with where it is.</summary>
    private static string Describe(JsonException e, ReadOnlySpan<byte> body)
    {
        long line = e.LineNumber ?? 0, column = e.BytePositionInLine ?? 0;
        int offset = 0;
        for (; offset < body.Length && line > 0; offset++) if (body[offset] == (byte)'\n') line--;
        offset += (int)column;
        if (offset >= body.Length) return "unexpected EOF";
        char c = (char)body[offset];
        string shown = c is >= ' ' and < (char)0x7f ? c.ToString() : $"\\x{(int)c:x2}";
        return $"invalid character '{shown}' at byte {offset}";
    }
}
