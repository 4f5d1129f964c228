using ChaosFeatures.Harness.Replay;

namespace ChaosFeatures.Harness.Tests.Replay;

/// <summary>A valid descriptor to vary in tests of its reader and writer.</summary>
internal static class SampleDescriptor
{
    public static ReplayDescriptor Create() => new(
        ReplayDescriptor.CurrentVersion,
        "20250101-000000-1",
        "features/truncation.feature:4:a1",
        "features/truncation.feature",
        "the payload arrives intact",
        4,
        ["io", "chaos-max:50"],
        null,
        "a1",
        [new ReplayMutationBlock(6, "any-of", [1], ["evil peer \"EP\" closes after 100 bytes"])],
        [new ReplayFuzzedValue(5, "200..300", "250")],
        new ReplaySeeds(1, "random:42", new ReplayDerivedSeeds(1, 2, ulong.MaxValue)),
        "Debug",
        new ReplayStep("Then", "task \"C\" received the payload of peer \"EP\" intact", 11),
        new FailureSignature("ChaosAssertionException", "task C received 100 of 250 B"),
        new string('a', 64),
        "chaos-results/20250101-000000-1/events.jsonl");
}
