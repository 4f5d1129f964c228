using ChaosFeatures.Freeze.Cli;

namespace ChaosFeatures.Freeze.Tests.Support;

/// <summary>One call of the freeze CLI's entry point, in this process, with its output captured.</summary>
internal sealed record FreezeInvocation(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<FreezeInvocation> RunAsync(string currentDirectory, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await FreezeCli.RunAsync(args, stdout, stderr, currentDirectory);
        return new FreezeInvocation(exit, stdout.ToString(), stderr.ToString());
    }
}
