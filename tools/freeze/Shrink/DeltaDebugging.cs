namespace ChaosFeatures.Freeze.Shrink;

/// <summary>
/// Zeller's ddmin over item indices: the smallest subset of <c>items</c> (1-minimal: removing any single item makes it
/// pass) for which <c>fails</c> still holds, trying chunks and their complements at rising granularity.
/// <c>fails</c> must hold for the full set; each subset is tested at most once.
/// </summary>
internal static class DeltaDebugging
{
    public static async Task<IReadOnlyList<int>> MinimizeAsync(IReadOnlyList<int> items, Func<IReadOnlyList<int>, Task<bool>> fails)
    {
        var seen = new Dictionary<string, bool>();
        async Task<bool> Test(IReadOnlyList<int> subset)
        {
            var key = string.Join(',', subset);
            if (!seen.TryGetValue(key, out var result))
                seen[key] = result = await fails(subset);
            return result;
        }

        var current = items.ToList();
        var granularity = 2;
        while (current.Count >= 2)
        {
            var chunks = Split(current, granularity);
            var reduced = false;
            foreach (var chunk in chunks)
            {
                if (!await Test(chunk)) continue;
                (current, granularity, reduced) = (chunk, 2, true);
                break;
            }
            if (!reduced)
            {
                foreach (var chunk in chunks)
                {
                    var complement = current.Except(chunk).ToList();
                    if (!await Test(complement)) continue;
                    (current, granularity, reduced) = (complement, Math.Max(granularity - 1, 2), true);
                    break;
                }
            }
            if (reduced) continue;
            if (granularity >= current.Count) break;
            granularity = Math.Min(current.Count, granularity * 2);
        }
        // ddmin never tries the empty set; a failure that needs no item at all is worth one more run.
        return current.Count == 1 && await Test([]) ? [] : current;
    }

    private static List<List<int>> Split(List<int> items, int parts)
    {
        var chunks = new List<List<int>>(parts);
        for (int i = 0, start = 0; i < parts; i++)
        {
            var size = (items.Count - start) / (parts - i);
            chunks.Add(items.GetRange(start, size));
            start += size;
        }
        return chunks.Where(c => c.Count > 0).ToList();
    }
}
