using ChaosFeatures.Merge.Cli;

namespace ChaosFeatures.Merge.Tests.Support;

/// <summary>The merge command run in-process, as the exe runs it.</summary>
internal static class MergeInvocation
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(string currentDirectory, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await MergeCli.RunAsync(args, stdout, stderr, currentDirectory);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}
