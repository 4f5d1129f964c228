namespace ChaosFeatures.Gherkin;

/// <summary>Common shape of hook attributes: tag filter (any tag matches, <c>@</c> optional) and order.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public abstract class HookAttribute(string[] tags) : Attribute
{
    /// <summary>Reqnroll's default hook order.</summary>
    public const int DefaultOrder = 10000;

    public IReadOnlyList<string> Tags { get; } = tags;

    /// <summary>Lower runs first, for before- and after-hooks alike (as in Reqnroll).</summary>
    public int Order { get; set; } = DefaultOrder;
}
