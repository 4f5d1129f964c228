using System.Diagnostics;

namespace ChaosFeatures.Reports.Tests;

/// <summary>Runs an outside program with a bound; on timeout its whole process tree is killed.</summary>
internal static class Tool
{
    public sealed record Result(int ExitCode, string Output);

    /// <summary>The full path of <paramref name="name"/> on PATH, or null when it is not installed.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The tool's path; in strict mode a missing tool is not skipped, so say exactly what is missing.</summary>
    public static string Require(string name, string install) =>
        Find(name) ?? throw new InvalidOperationException($"{name} is not installed (install: {install})");

    public static async Task<Result> RunAsync(string file, string workingDirectory, TimeSpan bound, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // A nested run must not inherit the outer suite's settings.
        start.Environment.Remove("CHAOS_SUITE_ROOT");
        start.Environment.Remove("CHAOS_STRICT");

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {bound}:\n{await stdout}{await stderr}");
        }
        return new Result(process.ExitCode, await stdout + await stderr);
    }
}
