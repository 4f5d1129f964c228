namespace ChaosFeatures.Gherkin;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class AfterFeatureAttribute(params string[] tags) : HookAttribute(tags);
