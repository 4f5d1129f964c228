using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ChaosFeatures.Consumer.Tests;

/// <summary>A team's own test project, made from nothing but the packages: what it gets, runs, finds and freezes.</summary>
[Collection(ConsumerCollection.Name)]
[Trait("Category", "consumer")]
public sealed partial class PackagedConsumerTests(ConsumerRun run)
{
    private static readonly string[] Libraries =
        ["ChaosFeatures.Seeds", "ChaosFeatures.EvilPeer", "ChaosFeatures.ControlServer", "ChaosFeatures.Harness", "ChaosFeatures.Steps", "ChaosFeatures.Gherkin", "ChaosFeatures.Gherkin.Reqnroll", "ChaosFeatures.Gherkin.Xunit"];
    private static readonly string[] Tools = ["ChaosFeatures.EvilPeer.Host", "ChaosFeatures.Freeze", "ChaosFeatures.Merge"];

    [Fact]
    public void Dotnet_pack_makes_every_package_with_its_metadata_and_one_version()
    {
        run.Pack.ExitCode.Should().Be(0, run.Pack.Output);
        var packages = Directory.GetFiles(run.Feed, "*.nupkg").Select(Path.GetFileName).Order().ToArray();
        packages.Should().BeEquivalentTo(Libraries.Concat(Tools).Select(id => $"{id}.{run.Version}.nupkg"));
        foreach (var id in Libraries.Concat(Tools))
        {
            var nuspec = Nuspec(id);
            var ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            metadata.Element(ns + "license")!.Value.Should().Be("MIT", id);
            metadata.Element(ns + "readme")!.Value.Should().Be("README.md", id);
            metadata.Element(ns + "description")!.Value.Should().NotBeNullOrWhiteSpace(id);
            metadata.Element(ns + "repository")!.Attribute("url")!.Value.Should().StartWith("https://", id);
            var types = metadata.Element(ns + "packageTypes")?.Elements().Select(e => e.Attribute("name")!.Value).ToArray() ?? [];
            types.Contains("DotnetTool").Should().Be(Tools.Contains(id), $"{id} is {(Tools.Contains(id) ? "" : "not ")}a .NET tool");
            var dependencies = metadata.Descendants(ns + "dependency").Select(d => (Id: d.Attribute("id")!.Value, Version: d.Attribute("version")!.Value)).ToArray();
            var ours = dependencies.Where(d => d.Id.StartsWith("ChaosFeatures.", StringComparison.Ordinal)).ToArray();
            ours.All(d => d.Version == run.Version && !Tools.Contains(d.Id)).Should().BeTrue($"{id} depends on this run's libraries only, never on a tool: {string.Join(", ", ours)}");
        }
        var bridge = Nuspec("ChaosFeatures.Gherkin.Reqnroll");
        bridge.Descendants().Where(e => e.Name.LocalName == "dependency").Select(d => d.Attribute("id")!.Value).Should().Contain("Reqnroll");
        Entries("ChaosFeatures.Steps").Should().Contain(["host/evilpeer.dll", "host/evilpeer.runtimeconfig.json", "host/ChaosFeatures.EvilPeer.dll",
            "buildTransitive/ChaosFeatures.Steps.targets"]);
        Entries("ChaosFeatures.Gherkin.Xunit").Should().Contain("build/ChaosFeatures.Gherkin.Xunit.targets");
    }

    [Fact]
    public void A_fresh_project_outside_the_repository_that_references_only_the_packages_runs_its_features_green()
    {
        run.ProjectFolder.Should().NotStartWith(RepositoryLayout.Root);
        run.Green.ExitCode.Should().Be(0, run.Green.Output);
        // Two combinations of the slicing scenario and the forked-peer scenario (the host came with the packages).
        Summary(run.Green.Output).Should().Be((0, 3), run.Green.Output);
    }

    [Fact]
    public void A_planted_bug_in_the_teams_client_fails_with_a_replay_descriptor_and_the_packaged_freeze_command()
    {
        run.PlantedBug.ExitCode.Should().NotBe(0);
        Summary(run.PlantedBug.Output).Should().Be((2, 1), run.PlantedBug.Output);
        run.PlantedBug.Output.Should().Contain("task \"C\" received 3000 bytes").And.Contain("Freeze: dotnet tool run freeze -- ");
        run.Descriptor.Should().NotBeNull();
        File.Exists(run.Descriptor).Should().BeTrue(run.Descriptor);
        run.Descriptor.Should().StartWith(Path.Combine(run.ProjectFolder, "chaos-results"));
    }

    [Fact]
    public void The_packaged_freeze_tool_writes_a_frozen_feature_that_reproduces_the_failure()
    {
        run.ToolRestore.ExitCode.Should().Be(0, run.ToolRestore.Output);
        run.Freeze.ExitCode.Should().Be(0, run.Freeze.Output);
        run.FrozenFeature.Should().StartWith(Path.Combine(run.ProjectFolder, "features", "frozen"));
        var text = File.ReadAllText(run.FrozenFeature!);
        text.Should().Contain("@frozen").And.Contain("Given the chaos seeds are gen 1 and sched \"fifo\"").And.NotContain("one of:").And.NotContain("1..5");

        run.FrozenWithBug.ExitCode.Should().NotBe(0, "the frozen scenario must fail as the original did");
        Summary(run.FrozenWithBug.Output).Should().Be((1, 0), run.FrozenWithBug.Output);
        run.FrozenWithBug.Output.Should().Contain("task \"C\" received 3000 bytes");
        run.FrozenFixed.ExitCode.Should().Be(0, run.FrozenFixed.Output);
        Summary(run.FrozenFixed.Output).Should().Be((0, 1), run.FrozenFixed.Output);
    }

    private XDocument Nuspec(string id)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(run.Feed, $"{id}.{run.Version}.nupkg"));
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    private string[] Entries(string id)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(run.Feed, $"{id}.{run.Version}.nupkg"));
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    /// <summary>vstest's closing line: <c>Failed!  - Failed:     2, Passed:     1, ...</c>.</summary>
    private static (int Failed, int Passed) Summary(string output)
    {
        var match = SummaryLine().Match(output);
        return match.Success ? (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value)) : (-1, -1);
    }

    [GeneratedRegex(@"Failed:\s+(\d+), Passed:\s+(\d+)")]
    private static partial Regex SummaryLine();
}
