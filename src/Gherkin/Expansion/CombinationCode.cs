using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>
/// The short code naming a combination in ids and display names: <c>o{row}</c> per one-of block,
/// <c>a{rows joined by .}</c> (or <c>a_</c> for none) per any-of block, blocks joined by <c>-</c>;
/// rows 0-based, e.g. <c>o1-a0.2</c>.
/// </summary>
internal static class CombinationCode
{
    public static string? Of(IReadOnlyList<MutationChoice> choices) => choices.Count == 0
        ? null
        : string.Join("-", choices.Select(choice => choice.Kind == MutationKind.OneOf
            ? $"o{choice.ChosenRows[0]}"
            : choice.ChosenRows.Count == 0 ? "a_" : "a" + string.Join(".", choice.ChosenRows)));
}
