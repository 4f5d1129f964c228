using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ThenAttribute(string expression) : StepDefinitionBaseAttribute(expression, [StepKeywordType.Then]);
