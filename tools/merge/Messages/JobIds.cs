using System.Text.Json.Nodes;

namespace ChaosFeatures.Merge.Messages;

/// <summary>
/// Makes one job's message ids unique in the merged stream: every job numbers its nodes, pickles (our case ids), test
/// cases and attempts on its own, and the same case ran in every seed set. Cucumber's schema names every reference
/// <c>id</c>, <c>…Id</c> or <c>…Ids</c>, so prefixing those keeps every reference pointing where it did; references to
/// the job's test run point at the merged run instead.
/// </summary>
internal static class JobIds
{
    public static void Prefix(JsonNode? node, string prefix, string mergedRunId)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (name == "testRunStartedId" && value is JsonValue)
                        obj[name] = mergedRunId;
                    else if ((name == "id" || name.EndsWith("Id", StringComparison.Ordinal)) && value is JsonValue id && id.TryGetValue<string>(out var text))
                        obj[name] = prefix + text;
                    else if (name.EndsWith("Ids", StringComparison.Ordinal) && value is JsonArray ids)
                        obj[name] = new JsonArray([.. ids.Select(i => (JsonNode?)JsonValue.Create(prefix + i!.GetValue<string>()))]);
                    else
                        Prefix(value, prefix, mergedRunId);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                    Prefix(item, prefix, mergedRunId);
                break;
        }
    }
}
