using ChaosFeatures.Freeze.Tests.Support;
using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Harness.Replay;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Freeze.Tests.EndToEnd;

/// <summary>
/// The sample server's planted limit bug, end to end: an oversized-frame scenario finds it against the real server,
/// the failure's descriptor freezes into a plain scenario, and the frozen scenario fails the same way every time.
/// </summary>
[Collection(PlantedServerBugCollection.Name)]
public sealed class PlantedServerBugTests(PlantedServerBugRun planted) : IDisposable
{
    private readonly TempFolder _out = new();

    [Fact]
    public void The_oversized_frame_scenario_fails_exactly_against_the_default_size_check_and_each_failure_leaves_a_descriptor()
    {
        planted.Cases.Should().HaveCount(4);
        foreach (var (testCase, result) in planted.Cases)
        {
            var buggy = testCase.Example!.Values["check"] == "late";
            result.Status.Should().Be(buggy ? CaseStatus.Failed : CaseStatus.Passed, testCase.Id + ": " + result.Message);
            if (!buggy) continue;
            result.Message.Should().Contain("were not ended by the server within 1000 ms").And.Contain("frame not complete within 1500 ms",
                "the buggy server believed the header and waited for the frame until its timeout");
            var descriptor = ReplayDescriptorJson.Read(PlantedBugRun.DescriptorOf(result));
            descriptor.FailingStep!.Text.Should().Be("the server ended every connection of evil client \"E\" within 1000 ms");
            descriptor.Signature.Message.Should().NotContain(" ms", "durations are normalized, so a replay can match it");
        }
    }

    [Fact]
    public async Task The_descriptor_freezes_and_the_frozen_scenario_reproduces_the_bug_every_time()
    {
        var path = PlantedBugRun.DescriptorOf(planted.FourGigabytesAgainstTheBug.Result);

        var frozen = await FreezeInvocation.RunAsync(planted.Root, path, "--out", _out.Path, "--verify", "3");

        frozen.ExitCode.Should().Be(0, frozen.Stdout + frozen.Stderr);
        frozen.Stdout.Should().Contain("verify: 3/3 runs reproduced").And.Contain("(no drift)");
        var file = Directory.GetFiles(_out.Path, "*.feature", SearchOption.AllDirectories).Should().ContainSingle().Subject;
        var text = await File.ReadAllTextAsync(file);
        text.Should().Contain("@frozen @adversarial @oversized_frame")
            .And.Contain("    Given the chaos seeds are gen 1 and sched \"fifo\"\n"
                + "    And server \"S\" is the configured \"sample\" server with \"--size-check late --frame-timeout 1500\"\n"
                + "    And evil client \"E\" declares a u32be frame of 4294967295 bytes and waits 4000 ms\n"
                + "    When evil client \"E\" attacks server \"S\"\n")
            .And.NotContain("one of:").And.NotContain("<check>");
    }

    public void Dispose() => _out.Dispose();
}
