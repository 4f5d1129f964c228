namespace ChaosFeatures.Steps.Catalogue;

/// <summary>The catalogue section of a binding class: its title and one paragraph on how its steps behave.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class StepTopicAttribute(int order, string title, string summary) : Attribute
{
    public int Order { get; } = order;
    public string Title { get; } = title;
    public string Summary { get; } = summary;
}
