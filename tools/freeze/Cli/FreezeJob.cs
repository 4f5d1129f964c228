using ChaosFeatures.Freeze.Frozen;
using ChaosFeatures.Freeze.Replay;
using ChaosFeatures.Freeze.Shrink;
using ChaosFeatures.Freeze.Suite;
using ChaosFeatures.Freeze.Verify;
using ChaosFeatures.Harness.Replay;

namespace ChaosFeatures.Freeze.Cli;

/// <summary>
/// Descriptor -> (shrunk) frozen feature -> (verified) result. Everything that can be refused is
/// checked before anything is written; the feature is written atomically and never overwritten
/// with different content without <c>--force</c>.
/// </summary>
internal sealed class FreezeJob(TextWriter stdout)
{
    public async Task<int> RunAsync(FreezeRequest request, CancellationToken ct)
    {
        if (request.Verify is { } asked and <= 0)
            throw new FreezeInputException($"--verify must be at least 1, got {asked}");
        var descriptorPath = Path.GetFullPath(request.DescriptorPath, request.CurrentDirectory);
        if (!File.Exists(descriptorPath))
            throw new FreezeInputException($"descriptor '{descriptorPath}' does not exist");
        var descriptor = ReplayDescriptorJson.Read(descriptorPath);
        var suite = Suite.Suite.Locate(descriptor.FeaturePath, descriptorPath, request.CurrentDirectory);
        var original = OriginalCase.Find(suite, descriptor);
        var outDirectory = request.OutDirectory is null ? suite.FrozenDirectory() : Path.GetFullPath(request.OutDirectory, request.CurrentDirectory);
        var target = FrozenPath.For(outDirectory, original, descriptor);
        var frozen = FrozenScenario.From(original, descriptor, Display(descriptorPath, suite.Root));

        if (!request.Shrink && request.Verify is null)
            return Write(target, FrozenFeatureText.Render(frozen), request.Force);

        await using var runner = await CaseRunner.StartAsync(suite);
        if (request.Shrink)
        {
            var shrink = await MutationShrinker.ShrinkAsync(frozen, runner, ct);
            if (!shrink.Reproduced)
            {
                stdout.WriteLine($"shrink: the failure did not reproduce with signature \"{descriptor.Signature}\"; nothing written");
                return ExitCodes.NotReproduced;
            }
            stdout.WriteLine($"shrunk {shrink.Before} -> {shrink.After} mutation steps in {shrink.Runs} runs");
            frozen = shrink.Scenario;
        }
        var written = Write(target, FrozenFeatureText.Render(frozen), request.Force);
        if (request.Verify is not { } runs)
            return written;

        var report = await FrozenVerifier.VerifyAsync(target, suite, descriptor, runs, runner, ct);
        stdout.WriteLine($"verify: {report.Reproduced}/{report.Runs} runs reproduced \"{descriptor.Signature}\"; decision hash matched the descriptor in {report.Matched}/{report.Runs}"
            + (report.Drifts.Count == 0 ? " (no drift)" : $"; replay drift: {report.Drifts[0]}"));
        return report.Faithful ? ExitCodes.Success : ExitCodes.NotReproduced;
    }

    private int Write(string target, string text, bool force)
    {
        if (File.Exists(target))
        {
            if (File.ReadAllText(target) == text)
            {
                stdout.WriteLine($"unchanged: {target}");
                return ExitCodes.Success;
            }
            if (!force)
                throw new FreezeInputException($"'{target}' exists with different content; pass --force to replace it");
        }
        try
        {
            AtomicFile.WriteAllText(target, text, overwrite: force);
        }
        catch (IOException e) when (!force && File.Exists(target))
        {
            throw new FreezeInputException($"'{target}' appeared while freezing; pass --force to replace it", e);
        }
        stdout.WriteLine($"frozen: {target}");
        return ExitCodes.Success;
    }

    // Suite-relative inside the suite, so the header does not depend on where the suite is checked out.
    private static string Display(string descriptorPath, string root) =>
        descriptorPath.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.GetRelativePath(root, descriptorPath).Replace('\\', '/')
            : descriptorPath;
}
