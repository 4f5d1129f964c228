using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>
/// A step as written, keyword type already resolved. A mutation block step (<c>one of:</c>/<c>any of:</c>)
/// carries its <see cref="Block"/> and no argument: its table became the alternatives.
/// </summary>
internal sealed record StepTemplate(
    string Keyword, StepKeywordType KeywordType, string Text, int Line, StepArgument? Argument, MutationBlock? Block);

/// <param name="Line">Line of the block step.</param>
internal sealed record MutationBlock(MutationKind Kind, int Line, IReadOnlyList<MutationAlternative> Alternatives);

/// <param name="Line">Line of the table row holding this alternative.</param>
internal sealed record MutationAlternative(string Text, int Line);
