using System.Text.Json.Nodes;
using ChaosFeatures.Freeze.Tests.EndToEnd;
using ChaosFeatures.Freeze.Tests.Support;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Freeze.Tests.Cli;

/// <summary>Bad descriptors and arguments: exit code 2, one line on stderr, nothing written.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class FreezeInputTests(PlantedBugRun planted) : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Out => Path.Combine(_temp.Path, "out");

    [Theory]
    [InlineData("version", "7", "unknown descriptor version 7")]
    [InlineData("version", "1", "descriptor version 1 is too old")]
    [InlineData("testId", null, "testId")]
    [InlineData("featurePath", "\"../../outside.feature\"", "inside the suite")]
    [InlineData("featurePath", "\"/etc/passwd.feature\"", "inside the suite")]
    [InlineData("featurePath", "\"features/gone.feature\"", "no longer exists")]
    [InlineData("testId", "\"features/truncation.feature:99\"", "is no longer in features/truncation.feature")]
    [InlineData("scenarioName", "\"renamed\"", "changed since the failure")]
    public async Task A_bad_descriptor_exits_2_with_one_line_and_writes_nothing(string field, string? value, string reason)
    {
        var node = JsonNode.Parse(await File.ReadAllTextAsync(planted.FullCombinationDescriptor))!.AsObject();
        if (value is null) node.Remove(field);
        else node[field] = JsonNode.Parse(value);

        var result = await FreezeAt(Save(node.ToJsonString()), "--out", Out);

        ShouldBeRefused(result, reason);
    }

    [Theory]
    [InlineData("{ \"version\": 1, ", "malformed descriptor")]
    [InlineData("", "malformed descriptor")]
    public async Task Malformed_json_exits_2(string json, string reason) =>
        ShouldBeRefused(await FreezeAt(Save(json), "--out", Out), reason);

    [Theory]
    [InlineData("0", "--verify must be at least 1, got 0")]
    [InlineData("-3", "--verify must be at least 1, got -3")]
    [InlineData("many", "many")]
    public async Task A_bad_verify_count_exits_2(string count, string reason) =>
        ShouldBeRefused(await FreezeAt(planted.FullCombinationDescriptor, "--out", Out, "--verify", count), reason);

    [Fact]
    public async Task A_missing_descriptor_or_argument_exits_2()
    {
        ShouldBeRefused(await FreezeAt(Path.Combine(_temp.Path, "nope.json"), "--out", Out), "does not exist");
        ShouldBeRefused(await FreezeAt("--out", Out), "descriptor");
        ShouldBeRefused(await FreezeAt(planted.FullCombinationDescriptor, "--out", Out, "--frobnicate"), "--frobnicate");
    }

    public void Dispose() => _temp.Dispose();

    private string Save(string json)
    {
        var path = Path.Combine(_temp.Path, "descriptor.json");
        File.WriteAllText(path, json);
        return path;
    }

    private Task<FreezeInvocation> FreezeAt(params string[] args) => FreezeInvocation.RunAsync(planted.SuiteRoot, args);

    private void ShouldBeRefused(FreezeInvocation result, string reason)
    {
        result.ExitCode.Should().Be(2, result.Stdout + result.Stderr);
        result.Stderr.Should().StartWith("freeze: ").And.Contain(reason);
        result.Stderr.TrimEnd().Should().NotContain("\n");
        Directory.Exists(Out).Should().BeFalse("nothing is written for bad input");
        Directory.GetDirectories(planted.SuiteRoot, "frozen", SearchOption.AllDirectories).Should().BeEmpty();
    }
}
