namespace ChaosFeatures.Gherkin.Bindings.Expressions;

/// <summary>One captured argument of an expression: its regex group and, for Cucumber, its parameter type.</summary>
internal sealed record ExpressionSlot(int Group, int InnerGroupCount, ParameterType? Type);
