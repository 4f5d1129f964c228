using ChaosFeatures.Gherkin.Running;
using ChaosFeatures.Harness.Replay;

namespace ChaosFeatures.Freeze.Replay;

/// <summary>
/// What one in-process run of a case showed. A failing chaos case writes its own descriptor and names
/// it in the failure message; that descriptor is read back so the signature is computed exactly as
/// for the original failure. Without one (a failure before the chaos harness started) the failing
/// case's failure text stands in.
/// </summary>
/// <param name="DecisionHash">The run's decision-log hash, when its descriptor was written.</param>
/// <param name="Drift">The run's <c>Replay drift:</c> line, when it reported one.</param>
internal sealed record ReplayOutcome(CaseStatus Status, FailureSignature? Signature, string? DecisionHash, string? Drift)
{
    private const string DescriptorPrefix = "Replay descriptor: ";

    public bool Reproduces(FailureSignature expected) => Status == CaseStatus.Failed && Signature == expected;

    public static ReplayOutcome From(CaseResult result)
    {
        if (result.Status != CaseStatus.Failed || result.Message is null)
            return new(result.Status, null, null, null);
        var lines = result.Message.ReplaceLineEndings("\n").Split('\n');
        var drift = lines.FirstOrDefault(l => l.StartsWith(ReplayDrift.MessagePrefix, StringComparison.Ordinal));
        var written = lines.FirstOrDefault(l => l.StartsWith(DescriptorPrefix, StringComparison.Ordinal))?[DescriptorPrefix.Length..];
        if (written is not null)
        {
            var descriptor = ReplayDescriptorJson.Read(written);
            return new(result.Status, descriptor.Signature, descriptor.DecisionHash, drift);
        }
        return new(result.Status, FailureSignature.FromErrorText(result.Message), null, drift);
    }
}
