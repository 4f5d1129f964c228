using ChaosFeatures.Harness.Clients;
using ChaosFeatures.Harness.Invariants;
using ChaosFeatures.Tests.Shared;

namespace ChaosFeatures.Harness.Tests.Invariants;

public sealed class InvariantChecksTests
{
    private readonly RecordingChaosSink _events = new();
    private InvariantChecks Checks => new(_events);
    private static readonly byte[] Sent = "hello world"u8.ToArray();

    [Fact]
    public void Payload_intact_passes_on_equality_and_records_it()
    {
        Checks.PayloadIntact("C", Sent, Sent.ToArray());
        _events.Named("payload_intact").Single().Describe().Should().Be("C payload_intact ok=true expected_len=11 actual_len=11");
    }

    [Fact]
    public void Payload_intact_failure_gives_lengths_hashes_and_first_difference()
    {
        var got = "hello World"u8.ToArray();
        FluentActions.Invoking(() => Checks.PayloadIntact("C", Sent, got)).Should().Throw<ChaosAssertionException>()
            .WithMessage("C: payload not intact: expected 11 B sha256=b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9, got 11 B sha256=*; first difference at offset 6");
        FluentActions.Invoking(() => Checks.PayloadIntact("C", Sent, Sent[..4])).Should().Throw<ChaosAssertionException>()
            .WithMessage("*got 4 B*first difference at offset 4");
        _events.Named("payload_intact").Should().OnlyContain(e => e.Fields[0].Value!.Equals(false));
    }

    [Fact]
    public void Clean_prefix_allows_truncation_but_not_corruption_or_extra_bytes()
    {
        Checks.CleanPrefix("C", Sent, Sent[..5]);
        Checks.CleanPrefix("C", Sent, []);
        Checks.CleanPrefix("C", Sent, Sent);
        FluentActions.Invoking(() => Checks.CleanPrefix("C", Sent, "help"u8.ToArray())).Should().Throw<ChaosAssertionException>()
            .WithMessage("C: received 4 B is not a clean prefix of the expected 11 B: byte at offset 3 differs");
        FluentActions.Invoking(() => Checks.CleanPrefix("C", Sent, [.. Sent, 1])).Should().Throw<ChaosAssertionException>()
            .WithMessage("*got 12 B, more than the 11 B sent");
    }

    [Fact]
    public void Outcome_must_be_in_the_allowed_set()
    {
        Checks.OutcomeIn("C", Outcome.Eof, Outcome.Eof, Outcome.Reset);
        FluentActions.Invoking(() => Checks.OutcomeIn("C", Outcome.Timeout, Outcome.Eof, Outcome.Reset)).Should().Throw<ChaosAssertionException>()
            .WithMessage("C: outcome timeout is not one of eof | reset");
    }
}
