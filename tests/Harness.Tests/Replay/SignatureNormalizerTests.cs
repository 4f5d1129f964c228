using ChaosFeatures.Harness.Replay;

namespace ChaosFeatures.Harness.Tests.Replay;

public class SignatureNormalizerTests
{
    [Fact]
    public void Noise_that_varies_between_runs_becomes_placeholders_but_byte_counts_stay()
    {
        var a = SignatureNormalizer.Normalize("task C received 100 of 256 B after 12.5 ms from 127.0.0.1:40123 (port 40123) at 2025-01-02T03:04:05.123Z");
        var b = SignatureNormalizer.Normalize("task C received 100 of 256 B after 7 ms from 127.0.0.1:51877 (port 51877) at 2026-11-12T13:14:15Z");

        a.Should().Be(b);
        a.Should().Be("task C received 100 of 256 B after <duration> from <endpoint> (port <port>) at <timestamp>");
    }

    [Fact]
    public void A_server_under_tests_process_id_is_noise_too()
    {
        SignatureNormalizer.Normalize("server S (pid 4242) did not exit; now: pid 4242 alive fds 31")
            .Should().Be("server S (pid <pid>) did not exit; now: pid <pid> alive fds 31");
    }

    [Fact]
    public void The_timeline_and_replay_lines_are_not_part_of_the_signature()
    {
        var message = "payload corrupt at byte 100\ntimeline of x.feature:3 (1/fifo):\n  +0.1ms harness seeds gen=1\nReplay descriptor: /tmp/a.json";

        SignatureNormalizer.Normalize(message).Should().Be("payload corrupt at byte 100");
    }

    [Fact]
    public void Error_text_splits_into_type_and_message()
    {
        var signature = FailureSignature.FromErrorText("ChaosFeatures.Harness.Invariants.ChaosAssertionException: took 15 ms");

        signature.Should().Be(new FailureSignature("ChaosAssertionException", "took <duration>"));
        signature.ToString().Should().Be("ChaosAssertionException: took <duration>");
    }
}
