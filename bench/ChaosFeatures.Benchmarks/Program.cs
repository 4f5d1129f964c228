using ChaosFeatures.Benchmarks;
using ChaosFeatures.Benchmarks.Runner;

// The project's performance numbers, side by side in one run (DESIGN.md, "Performance, as numbers to beat").
bool quick = args.Contains("--quick");
BenchSettings settings = quick ? BenchSettings.Quick : BenchSettings.Full;
Console.WriteLine($"ChaosFeatures benchmarks ({(quick ? "quick" : "full")}): {Environment.ProcessorCount} cores, " +
    $"load {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");

// Memory first: after the throughput rounds the GC hands freed segments back to the OS while
// connections are being counted, and the working-set difference came out negative.
var benches = new (string Name, Func<BenchSettings, Task<BenchRow[]>> Run)[]
{
    ("memory", IdleMemoryBench.RunAsync), ("throughput", ThroughputBench.RunAsync), ("roundtrip", RoundTripBench.RunAsync),
    ("toxics", ToxicAccuracyBench.RunAsync), ("forked", ForkedPeerBench.RunAsync), ("scenario", ScenarioBench.RunAsync), ("runner", RunnerOverheadBench.RunAsync),
    ("http", HttpBench.RunAsync), ("tls", TlsHandshakeBench.RunAsync),
    // The real Toxiproxy side by side (TOXIPROXY_SERVER or the anchor build), both as API servers in their own process.
    ("toxiproxy", ToxiproxyBench.RunAsync), ("api", ApiLoadBench.RunAsync),
};
// --only NAME[,NAME]: a subset, e.g. while working on one of them.
int only = Array.IndexOf(args, "--only");
string[] selected = only >= 0 && only + 1 < args.Length ? args[only + 1].Split(',') : [.. benches.Select(b => b.Name)];
string[] unknown = [.. selected.Except(benches.Select(b => b.Name))];
if (unknown.Length > 0)
{
    Console.Error.WriteLine($"--only: unknown benchmark '{string.Join(",", unknown)}'; known: {string.Join(", ", benches.Select(b => b.Name))}");
    return 2;
}

var rows = new List<BenchRow>();
foreach (var bench in benches.Where(b => selected.Contains(b.Name)))
{
    rows.AddRange(await bench.Run(settings));
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
