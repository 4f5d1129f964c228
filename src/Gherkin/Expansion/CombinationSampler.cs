using System.Numerics;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>Picks which combination indices of a scenario run when there are more than its cap.</summary>
internal static class CombinationSampler
{
    /// <returns>All indices when <paramref name="count"/> fits the cap, else exactly <paramref name="cap"/>
    /// distinct ones chosen by <paramref name="seed"/>; always ascending.</returns>
    public static IReadOnlyList<BigInteger> Choose(BigInteger count, int cap, ulong seed)
    {
        if (count <= cap)
            return Enumerable.Range(0, (int)count).Select(i => new BigInteger(i)).ToList();

        // Floyd's sampling: cap draws, each index equally likely, however large count is
        // (an any-of block of 20 rows alone has a million combinations).
        var random = new SplitMix64(seed);
        var chosen = new HashSet<BigInteger>();
        for (var j = count - cap; j < count; j++)
        {
            var candidate = random.NextBelow(j + 1);
            chosen.Add(chosen.Contains(candidate) ? j : candidate);
        }
        return chosen.Order().ToList();
    }
}
