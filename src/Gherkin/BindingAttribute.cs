namespace ChaosFeatures.Gherkin;

/// <summary>Marks a class whose methods are step definitions, hooks or argument transformations.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BindingAttribute : Attribute;
