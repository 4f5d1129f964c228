using System.Text.Json;
using ChaosFeatures.Control.Json;
using ChaosFeatures.Control.Model;

namespace ChaosFeatures.Control.Api;

/// <summary>
/// A <c>/populate</c> body: a JSON array of proxies, every one checked before any is created
/// (Toxiproxy's order: decode, then name and upstream of each). Each item may carry a
/// <c>toxics</c> array in the toxic-create shape; those are checked too before anything changes.
/// </summary>
internal static class PopulateInput
{
    private const string ItemGoType = """struct { toxiproxy.Proxy; Enabled *bool "json:\"enabled\"" }""";

    public static IReadOnlyList<PopulateItem> Decode(JsonElement body)
    {
        if (body.ValueKind == JsonValueKind.Null) return [];
        if (body.ValueKind != JsonValueKind.Array)
            throw ApiError.BadBody($"json: cannot unmarshal {GoDecode.KindName(body)} into Go value of type []{ItemGoType}");
        JsonElement[] elements = [.. body.EnumerateArray()];
        var defaults = new ProxyInput("", "", "", Enabled: true);
        ProxyInput[] proxies = [.. elements.Select(e => ProxyInput.Decode(e, defaults, ItemGoType, ""))];
        for (int i = 0; i < proxies.Length; i++)
        {
            if (proxies[i].Name.Length == 0) throw ApiError.MissingField($"name at proxy {i + 1}");
            if (proxies[i].Upstream.Length == 0) throw ApiError.MissingField($"upstream at proxy {i + 1}");
        }
        return [.. proxies.Select((proxy, i) => new PopulateItem(proxy, Toxics(elements[i], i + 1)))];
    }

    private static ApiToxic[] Toxics(JsonElement item, int position)
    {
        JsonElement? toxics = GoDecode.Member(item, "toxics");
        if (toxics is null) return [];
        if (toxics.Value.ValueKind != JsonValueKind.Array)
            throw ApiError.BadBody($"toxics at proxy {position}: expected an array of toxics, got {GoDecode.KindName(toxics.Value)}");
        var parsed = new List<ApiToxic>();
        int index = 0;
        foreach (JsonElement toxic in toxics.Value.EnumerateArray())
        {
            index++;
            try
            {
                parsed.Add(ToxicInput.Create(toxic, name => parsed.Any(t => t.Name == name)));
            }
            catch (ApiError e)
            {
                throw new ApiError(e.Status, $"{e.Message} at proxy {position} toxic {index}");
            }
        }
        return [.. parsed];
    }
}
