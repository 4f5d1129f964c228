using System.Diagnostics;

namespace ChaosFeatures.Tests.Shared;

/// <summary>
/// Runs an outside program (dotnet, npm, node, chromium) with a bound; on timeout its whole process
/// tree is killed. Shared as source by the test projects that drive real tools.
/// </summary>
internal static class BoundedProcess
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(string file, string workingDirectory, TimeSpan bound,
        IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // A nested run must not inherit the outer suite's settings.
        foreach (var name in new[] { "CHAOS_SUITE_ROOT", "CHAOS_STRICT", "CHAOS_ITERATIONS", "CHAOS_SHARD" }) start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

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
