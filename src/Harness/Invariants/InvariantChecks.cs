using System.Security.Cryptography;
using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Harness.EventLog;

namespace ChaosFeatures.Harness.Invariants;

/// <summary>
/// The invariants steps assert: payload intact, clean prefix, outcome in an allowed set. Each
/// records an <c>invariant</c> event (pass or fail) and throws <see cref="ChaosAssertionException"/> on violation.
/// </summary>
public sealed class InvariantChecks(IChaosEventSink? events = null)
{
    /// <summary>Byte-for-byte equality, reported as lengths, SHA-256s and the first differing offset.</summary>
    public void PayloadIntact(string actor, ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        var firstDiff = FirstDifference(expected, actual);
        var ok = firstDiff < 0;
        Report(actor, ChaosEventNames.PayloadIntact, ok, ("expected_len", expected.Length), ("actual_len", actual.Length));
        if (ok) return;
        throw new ChaosAssertionException(
            $"{actor}: payload not intact: expected {expected.Length} B sha256={Hash(expected)}, " +
            $"got {actual.Length} B sha256={Hash(actual)}; first difference at offset {firstDiff}");
    }

    /// <summary>What arrived is a prefix of what was sent (possibly all of it, possibly empty): truncation is allowed, corruption is not.</summary>
    public void CleanPrefix(string actor, ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        var ok = actual.Length <= expected.Length && expected[..actual.Length].SequenceEqual(actual);
        Report(actor, ChaosEventNames.CleanPrefix, ok, ("expected_len", expected.Length), ("actual_len", actual.Length));
        if (ok) return;
        var why = actual.Length > expected.Length
            ? $"got {actual.Length} B, more than the {expected.Length} B sent"
            : $"byte at offset {FirstDifference(expected[..actual.Length], actual)} differs";
        throw new ChaosAssertionException($"{actor}: received {actual.Length} B is not a clean prefix of the expected {expected.Length} B: {why}");
    }

    public void OutcomeIn(string actor, Outcome actual, params Outcome[] allowed)
    {
        ArgumentOutOfRangeException.ThrowIfZero(allowed.Length);
        var ok = allowed.Contains(actual);
        var allowedText = string.Join(" | ", allowed.Select(OutcomeClassifier.Name));
        Report(actor, ChaosEventNames.OutcomeIn, ok, ("actual", OutcomeClassifier.Name(actual)), ("allowed", allowedText));
        if (!ok) throw new ChaosAssertionException($"{actor}: outcome {OutcomeClassifier.Name(actual)} is not one of {allowedText}");
    }

    /// <summary>-1 when equal; otherwise the first offset where they differ (the shorter length when one is a prefix of the other).</summary>
    internal static long FirstDifference(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        var common = expected.CommonPrefixLength(actual);
        return common == expected.Length && common == actual.Length ? -1 : common;
    }

    private static string Hash(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private void Report(string actor, string name, bool ok, params (string, object?)[] fields) =>
        events?.Record(ChaosEvent.Of(ChaosEventKinds.Invariant, actor, name, [("ok", ok), .. fields]));
}
