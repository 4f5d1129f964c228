namespace ChaosFeatures.Gherkin;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class AfterStepAttribute(params string[] tags) : HookAttribute(tags);
