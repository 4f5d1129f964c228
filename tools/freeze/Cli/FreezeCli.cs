using System.CommandLine;
using ChaosFeatures.Harness.Replay;

namespace ChaosFeatures.Freeze.Cli;

/// <summary>
/// <c>freeze &lt;descriptor&gt; [--out DIR] [--force] [--shrink] [--verify N]</c>. The entry point both for
/// the exe and for in-process callers (tests). Bad input of any kind is exit code 2 with one line on stderr.
/// </summary>
public static class FreezeCli
{
    public const string Usage = "freeze <descriptor> [--out DIR] [--force] [--shrink] [--verify N]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, string currentDirectory)
    {
        // Optional to the parser so that its absence gets our one-line usage rather than the parser's message.
        var descriptor = new Argument<string?>("descriptor") { Description = "A replay descriptor: chaos-results/<run-id>/failures/<test>.json", Arity = ArgumentArity.ZeroOrOne };
        var outDirectory = new Option<string?>("--out") { Description = "Folder for frozen features (default: features/frozen under the suite root)", HelpName = "DIR" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing frozen feature with different content" };
        var shrink = new Option<bool>("--shrink") { Description = "Remove mutation steps (delta debugging) while the same failure reproduces" };
        var verify = new Option<int?>("--verify") { Description = "Run the frozen scenario N times and report reproduction and drift", HelpName = "N" };
        var command = new RootCommand("Turns a chaos failure's replay descriptor into a fixed, deterministic regression scenario.")
        {
            descriptor, outDirectory, force, shrink, verify,
        };
        command.SetAction((parsed, ct) => new FreezeJob(stdout).RunAsync(new FreezeRequest(
            parsed.GetValue(descriptor) ?? throw new FreezeInputException("missing the descriptor: " + Usage), parsed.GetValue(outDirectory), parsed.GetValue(force), parsed.GetValue(shrink), parsed.GetValue(verify), currentDirectory), ct));

        var result = command.Parse(args);
        if (result.Errors.Count > 0)
            return BadInput(stderr, result.Errors[0].Message);
        try
        {
            return await result.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is FreezeInputException or ReplayDescriptorException)
        {
            return BadInput(stderr, e.Message);
        }
    }

    private static int BadInput(TextWriter stderr, string reason)
    {
        stderr.WriteLine("freeze: " + reason.ReplaceLineEndings(" "));
        return ExitCodes.BadInput;
    }
}
