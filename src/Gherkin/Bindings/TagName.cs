namespace ChaosFeatures.Gherkin.Bindings;

/// <summary>Tags are compared without their <c>@</c>; attributes may be written either way.</summary>
internal static class TagName
{
    public static string? Normalize(string? tag) => tag is null ? null : tag.TrimStart('@').Trim();
}
