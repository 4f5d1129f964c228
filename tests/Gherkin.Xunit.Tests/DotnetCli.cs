using System.Diagnostics;

namespace ChaosFeatures.Gherkin.Xunit.Tests;

/// <summary>Runs the real <c>dotnet</c> CLI with a bound; on timeout the whole process tree is killed.</summary>
internal static class DotnetCli
{
    public sealed record Result(int ExitCode, string Output);

    public static Task<Result> RunAsync(string workingDirectory, TimeSpan bound, params string[] arguments) =>
        RunAsync(workingDirectory, bound, new Dictionary<string, string>(), arguments);

    public static async Task<Result> RunAsync(string workingDirectory, TimeSpan bound, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // A nested run must not inherit the outer suite's settings.
        start.Environment.Remove("CHAOS_SUITE_ROOT");
        start.Environment.Remove("CHAOS_STRICT");
        start.Environment.Remove("CHAOS_ITERATIONS");
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
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
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {bound}:\n{await stdout}{await stderr}");
        }
        return new Result(process.ExitCode, await stdout + await stderr);
    }
}
