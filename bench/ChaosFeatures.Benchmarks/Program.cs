using ChaosFeatures.Benchmarks;

// The project's performance numbers, side by side in one run (DESIGN.md, "Performance, as numbers to beat").
bool quick = args.Contains("--quick");
BenchSettings settings = quick ? BenchSettings.Quick : BenchSettings.Full;
Console.WriteLine($"ChaosFeatures benchmarks ({(quick ? "quick" : "full")}): {Environment.ProcessorCount} cores, " +
    $"load {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");

var rows = new List<BenchRow>();
foreach (Func<BenchSettings, Task<BenchRow[]>> bench in new Func<BenchSettings, Task<BenchRow[]>>[]
{
    ThroughputBench.RunAsync, RoundTripBench.RunAsync, ToxicAccuracyBench.RunAsync, IdleMemoryBench.RunAsync, ForkedPeerBench.RunAsync,
})
{
    rows.AddRange(await bench(settings));
}

string[] headers = ["metric", "baseline", "measured", "result", "target", "verdict"];
string[][] cells = [.. rows.Select(r => new[] { r.Metric, r.Baseline, r.Measured, r.Result, r.Target, r.Verdict })];
int[] widths = [.. headers.Select((h, i) => Math.Max(h.Length, cells.Max(c => c[i].Length)))];
string Line(string[] values) => "| " + string.Join(" | ", values.Select((v, i) => v.PadRight(widths[i]))) + " |";
Console.WriteLine(Line(headers));
Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
foreach (string[] row in cells) Console.WriteLine(Line(row));
int misses = rows.Count(r => r.Pass == false);
Console.WriteLine(misses == 0 ? "All targets met." : $"{misses} target(s) missed.");
return 0;
