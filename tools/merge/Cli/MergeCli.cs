using System.CommandLine;

namespace ChaosFeatures.Merge.Cli;

/// <summary>
/// <c>merge &lt;job-folder&gt;... --out DIR [--previous SUMMARY] [--nights N]</c>. The entry point both for the exe and for
/// in-process callers (tests). Bad input of any kind is exit code 2 with one line on stderr and nothing written.
/// </summary>
public static class MergeCli
{
    public const string Usage = "merge <job-folder>... --out DIR [--previous SUMMARY.json] [--nights N]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, string currentDirectory)
    {
        // Optional to the parser so that their absence gets our one-line usage rather than the parser's message.
        var jobs = new Argument<string[]>("job-folder") { Description = "A job's artifacts (a folder with job.json), or a folder of them", Arity = ArgumentArity.ZeroOrMore };
        var outFolder = new Option<string?>("--out") { Description = "Folder for the merged reports and summary", HelpName = "DIR" };
        var previous = new Option<string?>("--previous") { Description = "The previous night's summary.json: the trend goes on from its nights", HelpName = "SUMMARY" };
        var nights = new Option<int>("--nights") { Description = "Nights the trend spans, tonight included (1-366, default 7)", HelpName = "N", DefaultValueFactory = _ => 7 };
        var command = new RootCommand("Merges the jobs of a sharded, seeded nightly into one Cucumber Messages stream, the chaos page with the trend, Cucumber's HTML report, JUnit, the replay list and a summary.")
        {
            jobs, outFolder, previous, nights,
        };
        command.SetAction((parsed, _) => new MergeJob(stdout).RunAsync(Validate(new MergeRequest(
            parsed.GetValue(jobs) ?? [], parsed.GetValue(outFolder) ?? "", parsed.GetValue(previous), parsed.GetValue(nights), currentDirectory))));

        var result = command.Parse(args);
        if (result.Errors.Count > 0)
            return BadInput(stderr, result.Errors[0].Message);
        try
        {
            return await result.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (MergeInputException e)
        {
            return BadInput(stderr, e.Message);
        }
    }

    private static MergeRequest Validate(MergeRequest request)
    {
        if (request.Jobs.Count == 0)
            throw new MergeInputException("no job folders given: " + Usage);
        if (request.Out.Length == 0)
            throw new MergeInputException("--out DIR is required: " + Usage);
        if (request.Nights is < 1 or > 366)
            throw new MergeInputException($"--nights must be from 1 to 366, got {request.Nights}");
        if (request.Previous is { } previous && !File.Exists(Path.GetFullPath(previous, request.CurrentDirectory)))
            throw new MergeInputException($"--previous '{previous}' is not a file");
        return request;
    }

    private static int BadInput(TextWriter stderr, string reason)
    {
        stderr.WriteLine("merge: " + reason.ReplaceLineEndings(" "));
        return ExitCodes.BadInput;
    }
}
