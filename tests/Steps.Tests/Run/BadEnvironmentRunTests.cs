using System.Diagnostics;
using System.Text.RegularExpressions;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Steps.Tests.Run;

/// <summary>For real: `dotnet test tests/Specs` with CHAOS_SCHED=bogus fails every case with the one line that names it.</summary>
public sealed class BadEnvironmentRunTests
{
    private const string Line = "CHAOS_SCHED='bogus' is invalid; accepted: fifo | random:SEED | pct:SEED:DEPTH (SEED 0..18446744073709551615, DEPTH >= 1)";
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    [Fact]
    [Trait("Category", "Subprocess")]
    public async Task A_bogus_CHAOS_SCHED_fails_every_case_of_a_real_run_with_one_line()
    {
        var root = RepoRoot();
        var specs = Path.Combine(root, "tests", "Specs");
        var built = File.Exists(Path.Combine(specs, "bin", "Debug", "net10.0", "ChaosFeatures.Specs.dll"));
        using var results = new TempFolder();

        var (exitCode, output) = await RunAsync(root, results.Path,
            ["test", specs, .. built ? new[] { "--no-build" } : [], "--filter", "Category=evil_peer", "--logger", "console;verbosity=normal"]);

        var total = Count(output, @"Total tests:\s+(\d+)");
        var failed = Count(output, @"^\s+Failed:\s+(\d+)");
        exitCode.Should().NotBe(0);
        total.Should().BeGreaterThan(0, output);
        failed.Should().Be(total, output);
        Regex.Matches(output, Regex.Escape(Line)).Count.Should().BeGreaterThanOrEqualTo(failed, output);
        output.Split('\n').Where(l => l.Contains("CHAOS_SCHED") && !l.Contains(Line)).Should().BeEmpty("the variable is named in that one line only");
    }

    private static int Count(string output, string pattern) =>
        Regex.Match(output, pattern, RegexOptions.Multiline) is { Success: true } m
            ? int.Parse(m.Groups[1].Value)
            : throw new InvalidOperationException($"no '{pattern}' in the dotnet test output:\n{output}");

    private static async Task<(int ExitCode, string Output)> RunAsync(string root, string resultsDir, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["CHAOS_SCHED"] = "bogus";
        start.Environment["CHAOS_RESULTS_DIR"] = resultsDir;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try { await process.WaitForExitAsync().WaitAsync(Bound); }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"dotnet test did not finish within {Bound}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ChaosFeatures.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ChaosFeatures.sln not found above " + AppContext.BaseDirectory);
    }
}
