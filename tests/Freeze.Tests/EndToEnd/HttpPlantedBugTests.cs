using ChaosFeatures.Freeze.Tests.Support;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Harness.Replay;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Freeze.Tests.EndToEnd;

/// <summary>
/// A small HTTP client with a planted bug (it takes a body short of its Content-Length as complete) is caught by
/// a Content-Length lie scenario that HttpClient passes; the failure's descriptor freezes, and the frozen scenario
/// fails the same way every time.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class HttpPlantedBugTests(HttpPlantedBugRun planted) : IDisposable
{
    private const string FailingStep = "the outcome of task \"C\" is eof";

    private readonly TempFolder _out = new();

    [Fact]
    public void HttpClient_passes_the_content_length_lie_and_every_case_of_the_buggy_client_fails_leaving_a_descriptor()
    {
        planted.Cases.Should().HaveCount(8);
        foreach (var (testCase, result) in planted.Cases)
        {
            var buggy = testCase.Example!.Values["driver"] == "tiny-http";
            result.Status.Should().Be(buggy ? CaseStatus.Failed : CaseStatus.Passed, testCase.Id + ": " + result.Message);
            if (!buggy) continue;

            result.Message.Should().Contain("C: outcome completed is not one of eof");
            var descriptor = ReplayDescriptorJson.Read(PlantedBugRun.DescriptorOf(result));
            descriptor.TestId.Should().Be(testCase.Id);
            descriptor.FeaturePath.Should().Be("features/short_body.feature");
            descriptor.FailingStep!.Text.Should().Be(FailingStep);
            descriptor.FuzzedValues.Select(v => v.Expression).Should().Equal("800..1200", "1..100");
        }
    }

    [Fact]
    public async Task The_descriptor_freezes_into_a_flat_scenario_that_reproduces_every_time()
    {
        var descriptor = ReplayDescriptorJson.Read(planted.FullCombinationDescriptor);

        var frozen = await FreezeInvocation.RunAsync(planted.SuiteRoot, planted.FullCombinationDescriptor, "--out", _out.Path, "--verify", "3");

        frozen.ExitCode.Should().Be(0, frozen.Stdout + frozen.Stderr);
        frozen.Stdout.Should().Contain("verify: 3/3 runs reproduced").And.Contain("(no drift)");
        var text = await File.ReadAllTextAsync(Directory.GetFiles(_out.Path, "*.feature", SearchOption.AllDirectories).Should().ContainSingle().Subject);
        var (body, lie) = (descriptor.FuzzedValues[0].Value, descriptor.FuzzedValues[1].Value);
        text.Should().Contain("@frozen @io @http").And.Contain($"@replay-of:{descriptor.TestId}")
            .And.Contain($"    And an HTTP peer \"EP\" answering 200 with {body} bytes\n"
                + $"    And HTTP peer \"EP\" claims a Content-Length {lie} bytes longer than its body\n"
                + "    And HTTP peer \"EP\" closes the connection after each response\n"
                + "    And task \"C\" uses the tiny-http driver\n")
            .And.NotContain("any of:").And.NotContain("<driver>");
    }

    [Fact]
    public async Task Shrinking_keeps_only_the_lie_and_the_buggy_client()
    {
        var shrunk = await FreezeInvocation.RunAsync(planted.SuiteRoot, planted.FullCombinationDescriptor, "--out", _out.Path, "--shrink");

        shrunk.ExitCode.Should().Be(0, shrunk.Stdout + shrunk.Stderr);
        shrunk.Stdout.Should().MatchRegex(@"shrunk 2 -> 0 mutation steps in \d+ runs");
        var text = await File.ReadAllTextAsync(Directory.GetFiles(_out.Path, "*.feature", SearchOption.AllDirectories).Single());
        text.Should().Contain("claims a Content-Length").And.Contain("tiny-http").And.NotContain("slices into").And.NotContain("waits 1 ms");
    }

    public void Dispose() => _out.Dispose();
}
