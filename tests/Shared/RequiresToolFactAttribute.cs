using Xunit;

namespace ChaosFeatures.Tests.Shared;

/// <summary>
/// A fact that needs outside programs. When one is not on PATH the test is reported SKIPPED with
/// the reason and the install command (xUnit reads <see cref="FactAttribute.Skip"/> from the
/// attribute instance, so deciding it here is a real skip, not a pass). With <c>CHAOS_STRICT=1</c>
/// nothing is skipped: the test runs and fails on the missing tool, as CI demands.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string install, params string[] tools)
    {
        var missing = tools.Where(t => ToolPath.Find(t) is null).ToArray();
        if (missing.Length > 0 && Environment.GetEnvironmentVariable("CHAOS_STRICT") != "1")
            Skip = $"{string.Join(" and ", missing)} not installed (install: {install}); set CHAOS_STRICT=1 to fail instead";
    }
}
