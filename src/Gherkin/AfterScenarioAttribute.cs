namespace ChaosFeatures.Gherkin;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class AfterScenarioAttribute(params string[] tags) : HookAttribute(tags);
