using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class WhenAttribute(string expression) : StepDefinitionBaseAttribute(expression, [StepKeywordType.When]);
