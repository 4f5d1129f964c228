namespace ChaosFeatures.Gherkin;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BeforeFeatureAttribute(params string[] tags) : HookAttribute(tags);
