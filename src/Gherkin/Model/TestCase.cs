namespace ChaosFeatures.Gherkin.Model;

/// <summary>
/// One runnable test case: a pickle x one Examples row x one mutation combination, with fuzzed
/// values already resolved. Produced by expansion, consumed by the runner, the xUnit bridge,
/// reporters and the freeze tool. Its <see cref="Id"/> is stable across runs and across edits of
/// other scenarios.
/// </summary>
/// <param name="Id">Stable id: <c>{FeaturePath}:{ScenarioLine}[:r{row}][:{MutationCode}]</c>.</param>
/// <param name="DisplayName"><c>Feature: Scenario [row / combination code: the chosen rows in words]</c>.</param>
/// <param name="Feature">The feature this case belongs to.</param>
/// <param name="ScenarioName">Scenario title, placeholders substituted.</param>
/// <param name="ScenarioLine">Line of the <c>Scenario:</c>/<c>Scenario Outline:</c> keyword.</param>
/// <param name="ScenarioDescription">The scenario's description, or null.</param>
/// <param name="Rule">The <c>Rule:</c> the scenario sits under, or null.</param>
/// <param name="Tags">Feature + rule + scenario + examples tags, without <c>@</c>, in that order, distinct.</param>
/// <param name="Example">The Examples row, or null for a plain scenario.</param>
/// <param name="MutationCode">Combination code such as <c>o1-a0.2</c>, or null without mutation blocks.</param>
/// <param name="Mutations">The choice made in each mutation block, in block order.</param>
/// <param name="FuzzedValues">Every fuzzed expression resolved for this case, in step order.</param>
/// <param name="Steps">Steps to run: background first, mutation blocks flattened, fuzz resolved.</param>
/// <param name="IgnoreReason">Non-null when the case must be reported skipped (e.g. <c>@ignore</c>).</param>
public sealed record TestCase(
    string Id,
    string DisplayName,
    FeatureDescriptor Feature,
    string ScenarioName,
    int ScenarioLine,
    string? ScenarioDescription,
    RuleDescriptor? Rule,
    IReadOnlyList<string> Tags,
    ExampleRow? Example,
    string? MutationCode,
    IReadOnlyList<MutationChoice> Mutations,
    IReadOnlyList<FuzzedValue> FuzzedValues,
    IReadOnlyList<CaseStep> Steps,
    string? IgnoreReason)
{
    /// <summary>The tags of the feature and rule, which Reqnroll passes as inherited tags.</summary>
    public IReadOnlyList<string> InheritedTags => [.. Feature.Tags, .. Rule?.Tags ?? []];

    /// <summary>The tags of the scenario and its Examples block.</summary>
    public IReadOnlyList<string> OwnTags => [.. Tags.Where(t => !InheritedTags.Contains(t, StringComparer.Ordinal))];
}

/// <param name="Path">Repo-relative path with forward slashes, e.g. <c>features/io/hard_reset.feature</c>.</param>
/// <param name="FullPath">Absolute path on this machine.</param>
public sealed record FeatureDescriptor(
    string Path,
    string FullPath,
    string Title,
    string? Description,
    IReadOnlyList<string> Tags,
    string Language)
{
    /// <summary>The folder <see cref="Path"/> is relative to (the root of the suite this feature was loaded in); null when it is not a suffix of <see cref="FullPath"/>.</summary>
    public string? SuiteRoot =>
        Path.Length > 0 && FullPath.Replace('\\', '/').EndsWith("/" + Path, StringComparison.Ordinal) ? FullPath[..^(Path.Length + 1)] : null;
}

/// <param name="Line">Line of the <c>Rule:</c> keyword.</param>
/// <param name="Tags">The rule's own tags, without <c>@</c>.</param>
public sealed record RuleDescriptor(string Title, string? Description, int Line, IReadOnlyList<string> Tags);

/// <param name="Index">1-based index over all Examples rows of the outline (across Examples blocks).</param>
/// <param name="Line">Line of the row in the feature file.</param>
/// <param name="Values">Header -> cell.</param>
/// <param name="ExamplesName">Name of the Examples block (may be empty).</param>
public sealed record ExampleRow(int Index, int Line, IReadOnlyDictionary<string, string> Values, string ExamplesName);

/// <param name="BlockLine">Line of the <c>one of:</c>/<c>any of:</c> step.</param>
/// <param name="Kind">Which kind of block.</param>
/// <param name="ChosenRows">0-based rows of the block's table that were chosen (exactly one for one-of; any subset for any-of).</param>
/// <param name="ChosenTexts">The chosen step texts, as written (before fuzz resolution).</param>
public sealed record MutationChoice(int BlockLine, MutationKind Kind, IReadOnlyList<int> ChosenRows, IReadOnlyList<string> ChosenTexts);

public enum MutationKind { OneOf, AnyOf }

/// <param name="StepLine">Line of the step (for a mutation row: the row's line).</param>
/// <param name="Expression">As written, e.g. <c>1..5</c> or <c>socket|stream|pipe</c>.</param>
/// <param name="Value">The value chosen for this case.</param>
public sealed record FuzzedValue(int StepLine, string Expression, string Value);

/// <param name="Keyword">Keyword as written (<c>Given </c>, <c>And </c>, ...). Mutation rows inherit their block's keyword.</param>
/// <param name="KeywordType">Given/When/Then after resolving And/But to the previous keyword.</param>
/// <param name="Text">Text to match against bindings: placeholders substituted and fuzz resolved.</param>
/// <param name="SourceText">Text as written in the file (before fuzz resolution).</param>
/// <param name="Line">Line in the feature file (for a mutation row: the table row's line).</param>
/// <param name="Argument">A data table or doc string, or null.</param>
/// <param name="MutationBlockLine">Line of the mutation block this step came from, or null.</param>
public sealed record CaseStep(
    string Keyword,
    StepKeywordType KeywordType,
    string Text,
    string SourceText,
    int Line,
    StepArgument? Argument,
    int? MutationBlockLine);

public enum StepKeywordType { Given, When, Then }

public abstract record StepArgument;

/// <summary>A step's data table: the first row is the header.</summary>
public sealed record TableArgument(IReadOnlyList<IReadOnlyList<string>> Rows) : StepArgument;

public sealed record DocStringArgument(string Content, string? MediaType) : StepArgument;
