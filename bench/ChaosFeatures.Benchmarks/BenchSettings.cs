namespace ChaosFeatures.Benchmarks;

/// <summary>How much work each measurement does; <c>--quick</c> trades precision for a short run.</summary>
internal sealed record BenchSettings(long ThroughputBytes, int ThroughputRounds, int RoundTrips, int AccuracyRuns, int IdleConnections, int ScenarioRuns, int OverheadRuns)
{
    public static BenchSettings Full { get; } = new(512L << 20, 5, 20_000, 7, 1_000, 200, 2_000);

    public static BenchSettings Quick { get; } = new(128L << 20, 3, 4_000, 3, 1_000, 50, 500);
}
