namespace ChaosFeatures.Gherkin;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BeforeTestRunAttribute(params string[] tags) : HookAttribute(tags);
