namespace ChaosFeatures.Control.Tests.Support;

/// <summary>
/// A fact that needs the real Toxiproxy (server, or CLI too). When it is not there the test is
/// reported SKIPPED with the reason, as tests/Shared's RequiresToolFact does for other programs;
/// with <c>CHAOS_STRICT=1</c> it runs and fails on the missing program instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToxiproxyFactAttribute : FactAttribute
{
    public RequiresToxiproxyFactAttribute(bool cli = false)
    {
        string? missing = ToxiproxyAnchor.Server is null ? "toxiproxy-server" : cli && ToxiproxyAnchor.Cli is null ? "toxiproxy-cli" : null;
        if (missing is not null && Environment.GetEnvironmentVariable("CHAOS_STRICT") != "1")
            Skip = $"{missing} not found (build: {ToxiproxyAnchor.Build}); set CHAOS_STRICT=1 to fail instead";
    }
}
