using ChaosFeatures.Gherkin.Bindings.Expressions;

namespace ChaosFeatures.Gherkin.Bindings.Discovery;

internal static class StepDefinitionFactory
{
    public static StepDefinitionBinding Create(
        MethodBinding method, StepDefinitionBaseAttribute attribute, int index, IReadOnlyList<BindingScope> scopes,
        IReadOnlyList<TransformationBinding> transformations, ParameterTypeResolver resolver)
    {
        var type = ExpressionTypeDetector.Resolve(attribute.Expression, attribute.ExpressionType);
        var expression = type == ExpressionType.RegularExpression
            ? CompiledExpression.FromRegex(attribute.Expression)
            : CucumberExpressionCompiler.Compile(attribute.Expression, (name, slot) => resolver.Resolve(name, slot, method.Parameters));
        var info = new StepDefinitionInfo($"{method.Signature}#{index}", attribute.KeywordTypes, attribute.Expression, type, method.Name);
        return new StepDefinitionBinding(info, method, expression, scopes, transformations);
    }
}
