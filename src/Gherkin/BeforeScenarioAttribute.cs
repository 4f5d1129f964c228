namespace ChaosFeatures.Gherkin;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BeforeScenarioAttribute(params string[] tags) : HookAttribute(tags);
