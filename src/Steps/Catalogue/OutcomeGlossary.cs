using ChaosFeatures.Harness.Clients;

namespace ChaosFeatures.Steps.Catalogue;

/// <summary>What each outcome a Then step can name means, for the catalogue; a test checks every outcome has its line.</summary>
public static class OutcomeGlossary
{
    public static IReadOnlyDictionary<Outcome, string> Meanings { get; } = new Dictionary<Outcome, string>
    {
        [Outcome.Completed] = "a download read to a clean end (FIN) with exactly what was expected (a serving peer's whole payload; an empty payload closed at once is completed, 0 of 0 bytes), or an upload wrote everything and the connection ended cleanly",
        [Outcome.Eof] = "the peer closed cleanly (FIN) before everything expected arrived: a truncated download",
        [Outcome.Reset] = "the connection was reset (RST), aborted or broken (broken pipe) during the transfer",
        [Outcome.Refused] = "nobody accepted the connection (the connect was refused)",
        [Outcome.Timeout] = "the task's give-up time elapsed (`gives up after N ms`, default 10000 ms), or a client's own timeout did (HttpClient's attempt timeout)",
        [Outcome.Cancelled] = "another task cancelled the transfer while it ran (`task \"K\" cancels task \"C\"`)",
        [Outcome.Corrupt] = "the expected length arrived but the bytes differ, more arrived than expected, or an HTTP response could not be parsed",
        [Outcome.Error] = "anything else; the task's last transfer names the error",
        [Outcome.Handshake] = "TLS failed on its own terms: the certificate was rejected or an alert broke the handshake off (a FIN, RST or silence during the handshake stays eof, reset or timeout)",
    };
}
