namespace ChaosFeatures.Harness.Tests.Support;

/// <summary>Tests that touch process-wide state (environment variables, the process's socket count, GC-driven events) run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial";
}
