using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin;

/// <summary>A step definition that matches Given, When and Then steps alike.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class StepDefinitionAttribute(string expression)
    : StepDefinitionBaseAttribute(expression, [StepKeywordType.Given, StepKeywordType.When, StepKeywordType.Then]);
