namespace ChaosFeatures.Gherkin;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BeforeStepAttribute(params string[] tags) : HookAttribute(tags);
