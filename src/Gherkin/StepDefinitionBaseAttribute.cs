using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin;

/// <summary>Common shape of <c>[Given]</c>, <c>[When]</c>, <c>[Then]</c> and <c>[StepDefinition]</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class StepDefinitionBaseAttribute : Attribute
{
    private protected StepDefinitionBaseAttribute(string expression, IReadOnlyList<StepKeywordType> keywordTypes)
    {
        Expression = expression;
        KeywordTypes = keywordTypes;
    }

    public string Expression { get; }

    public ExpressionType ExpressionType { get; set; }

    /// <summary>The keyword types this definition answers to.</summary>
    public IReadOnlyList<StepKeywordType> KeywordTypes { get; }
}
