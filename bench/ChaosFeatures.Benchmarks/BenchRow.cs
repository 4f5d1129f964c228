namespace ChaosFeatures.Benchmarks;

/// <summary>One line of the table: what was measured, the figures side by side, the target and whether it was met.</summary>
internal sealed record BenchRow(string Metric, string Baseline, string Measured, string Result, string Target, bool? Pass)
{
    public string Verdict => Pass switch { true => "PASS", false => "MISS", null => "-" };
}
