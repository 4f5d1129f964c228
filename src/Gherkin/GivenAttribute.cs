using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class GivenAttribute(string expression) : StepDefinitionBaseAttribute(expression, [StepKeywordType.Given]);
