using System.Numerics;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>
/// All mutation combinations of a scenario as a mixed-radix number: one digit per block, a one-of
/// block of n rows has radix n (which row), an any-of block radix 2^n (bit i = row i chosen). Indices
/// let us sample a few combinations of a huge space without enumerating it.
/// </summary>
internal sealed class CombinationSpace
{
    private readonly IReadOnlyList<MutationBlock> _blocks;
    private readonly BigInteger[] _radices;

    public CombinationSpace(IReadOnlyList<MutationBlock> blocks)
    {
        _blocks = blocks;
        _radices = blocks
            .Select(b => b.Kind == MutationKind.OneOf ? new BigInteger(b.Alternatives.Count) : BigInteger.One << b.Alternatives.Count)
            .ToArray();
        Count = _radices.Aggregate(BigInteger.One, (product, radix) => product * radix);
    }

    /// <summary>Number of combinations; 1 for a scenario without blocks (the scenario itself).</summary>
    public BigInteger Count { get; }

    /// <summary>The 0-based chosen rows of each block. The first block is the most significant digit,
    /// so ascending indices read like counting: o0-.., o0-.., o1-..</summary>
    public IReadOnlyList<IReadOnlyList<int>> Decode(BigInteger index)
    {
        var chosen = new IReadOnlyList<int>[_blocks.Count];
        for (var i = _blocks.Count - 1; i >= 0; i--)
        {
            index = BigInteger.DivRem(index, _radices[i], out var digit);
            chosen[i] = _blocks[i].Kind == MutationKind.OneOf
                ? [(int)digit]
                : Enumerable.Range(0, _blocks[i].Alternatives.Count).Where(row => !(digit >> row).IsEven).ToList();
        }
        return chosen;
    }
}
