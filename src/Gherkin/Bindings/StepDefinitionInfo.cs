using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Bindings;

/// <summary>A discovered step definition, as reporters see it.</summary>
/// <param name="Id">Stable id: method signature plus the attribute's index on it.</param>
/// <param name="KeywordTypes">Given/When/Then this definition answers to (all three for [StepDefinition]).</param>
/// <param name="Expression">The expression as written in the attribute.</param>
/// <param name="ExpressionType">Resolved type (never Unspecified).</param>
/// <param name="MethodName"><c>Namespace.Class.Method</c>.</param>
public sealed record StepDefinitionInfo(
    string Id,
    IReadOnlyList<StepKeywordType> KeywordTypes,
    string Expression,
    ExpressionType ExpressionType,
    string MethodName)
{
    public override string ToString() => $"{MethodName} [{Expression}]";
}
