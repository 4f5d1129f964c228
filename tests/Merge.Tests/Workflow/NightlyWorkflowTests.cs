using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Merge.Tests.Workflow;

/// <summary>The nightly workflow (.github/workflows/nightly-fuzz.yml) passes actionlint, run by scripts/lint-workflows.</summary>
public sealed class NightlyWorkflowTests
{
    private const string Install = "apt-get install -y nodejs npm";

    [RequiresToolFact(Install, "npm", "node")]
    public async Task The_workflows_pass_actionlint()
    {
        var root = RepoRoot();

        var lint = await BoundedProcess.RunAsync("bash", root, TimeSpan.FromMinutes(5), null, "scripts/lint-workflows");

        lint.ExitCode.Should().Be(0, lint.Output);
        lint.Output.Should().Contain("actionlint: 1 workflow(s), 0 finding(s)");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ChaosFeatures.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("ChaosFeatures.sln not found above " + AppContext.BaseDirectory);
    }
}
