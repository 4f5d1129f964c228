namespace ChaosFeatures.Gherkin.Bindings;

/// <summary>A discovered hook, as reporters see it.</summary>
/// <param name="Id">Stable id: hook type, method signature and the attribute's index on it.</param>
/// <param name="Tags">Tag filter without <c>@</c>; empty means every case.</param>
public sealed record HookInfo(string Id, HookType HookType, string MethodName, IReadOnlyList<string> Tags, int Order)
{
    public override string ToString() => $"{HookType} {MethodName}";
}
