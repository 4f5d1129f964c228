namespace ChaosFeatures.Gherkin;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class AfterTestRunAttribute(params string[] tags) : HookAttribute(tags);
