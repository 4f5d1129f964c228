namespace ChaosFeatures.Gherkin;

/// <summary>
/// Marks a method that converts step text (or a <see cref="DataTable"/>) to its return type. Its
/// <see cref="Name"/>, or else the return type's name, becomes a custom <c>{name}</c> parameter type.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class StepArgumentTransformationAttribute(string? regex = null) : Attribute
{
    public string? Regex { get; } = regex;

    public string? Name { get; set; }
}
