using System.Text;
using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.Harness.Peers;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Phrases;
using ChaosFeatures.Steps.Scenario;
using Reqnroll;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(8, "HTTP peers", "An HTTP peer speaks HTTP/1.1: it records every request and answers with one response (status and seeded body) " +
    "and that response's faults, to every request unless told otherwise; status-only answers (fail the first N, request N, a path) come " +
    "first. A cut or broken response ends as its step says: closes (FIN), resets (RST) or hangs (silent until the scenario ends). Each " +
    "step is checked at once, so a value out of range, or two faults that cannot go together, fail at the step. Keep-alive unless it " +
    "closes after each response. The peer steps (forked, TLS) and the proxy steps apply to it too; downloads get its body.")]
public sealed class HttpPeerSteps(ChaosScenario chaos)
{
    [Given("an HTTP peer {string} answering {int} with {int} bytes"), StepExample("Given an HTTP peer \"EP\" answering 200 with 1000 bytes")]
    public void Answering(string peer, int status, int bytes) =>
        chaos.Peers.DefineEvilPeer(peer).ServeHttp(status, bytes, chaos.Peers.GeneratedPayload(peer, bytes));

    [Given("an HTTP peer {string} answering {int} with {string}"), StepExample("Given an HTTP peer \"EP\" answering 200 with \"hello\"")]
    public void AnsweringText(string peer, int status, string text)
    {
        var body = Encoding.UTF8.GetBytes(text);
        chaos.Peers.DefineEvilPeer(peer).ServeHttp(status, body.Length, () => body);
    }

    [Given("HTTP peer {string} claims a Content-Length {int} bytes longer than its body"),
     StepExample("Given HTTP peer \"EP\" claims a Content-Length 10 bytes longer than its body")]
    public void LongerLength(string peer, int bytes) => Http(peer).ContentLengthDelta(bytes);

    [Given("HTTP peer {string} claims a Content-Length {int} bytes shorter than its body"),
     StepExample("Given HTTP peer \"EP\" claims a Content-Length 10 bytes shorter than its body")]
    public void ShorterLength(string peer, int bytes) => Http(peer).ContentLengthDelta(-(long)bytes);

    [Given("HTTP peer {string} sends its body in {int}-byte chunks"), StepExample("Given HTTP peer \"EP\" sends its body in 300-byte chunks")]
    public void Chunked(string peer, int bytes) => Http(peer).Chunked(bytes);

    [Given("HTTP peer {string} cuts its last chunk in half and {word}"), StepExample("Given HTTP peer \"EP\" cuts its last chunk in half and closes")]
    public void CutsChunk(string peer, string ending) => Http(peer).ChunkFault(HttpChunkFault.CutMidChunk, PhraseWords.HttpEnding(ending));

    [Given("HTTP peer {string} sends a bad chunk size and {word}"), StepExample("Given HTTP peer \"EP\" sends a bad chunk size and closes")]
    public void BadChunkSize(string peer, string ending) => Http(peer).ChunkFault(HttpChunkFault.BadChunkSize, PhraseWords.HttpEnding(ending));

    [Given("HTTP peer {string} sends no length and ends the body by closing"), StepExample("Given HTTP peer \"EP\" sends no length and ends the body by closing")]
    public void CloseDelimited(string peer) => Http(peer).CloseDelimited();

    [Given("HTTP peer {string} cuts the body after {int} bytes and {word}"), StepExample("Given HTTP peer \"EP\" cuts the body after 500 bytes and resets")]
    public void CutsBody(string peer, int bytes, string ending) => Http(peer).CutBody(bytes, PhraseWords.HttpEnding(ending));

    [Given("HTTP peer {string} waits {int} ms before the status line"), StepExample("Given HTTP peer \"EP\" waits 300 ms before the status line")]
    public void WaitsBeforeStatus(string peer, int ms) => Http(peer).DelayBeforeStatus(ms);

    [Given("HTTP peer {string} waits {int} ms between headers"), StepExample("Given HTTP peer \"EP\" waits 50 ms between headers")]
    public void WaitsBetweenHeaders(string peer, int ms) => Http(peer).DelayBetweenHeaders(ms);

    [Given("HTTP peer {string} waits {int} ms before the body"), StepExample("Given HTTP peer \"EP\" waits 100 ms before the body")]
    public void WaitsBeforeBody(string peer, int ms) => Http(peer).DelayBeforeBody(ms);

    [Given("HTTP peer {string} sends its body at {int} bytes per second"), StepExample("Given HTTP peer \"EP\" sends its body at 5000 bytes per second")]
    public void Paced(string peer, int rate) => Http(peer).Pace(rate);

    [Given("HTTP peer {string} sends an endless body"), StepExample("Given HTTP peer \"EP\" sends an endless body")]
    public void Endless(string peer) => Http(peer).Endless();

    [Given("HTTP peer {string} closes the connection after each response"), StepExample("Given HTTP peer \"EP\" closes the connection after each response")]
    public void ClosesEach(string peer) => Http(peer).CloseAfterEachResponse();

    [Given("HTTP peer {string} fails the first {int} request(s) with {int}"), StepExample("Given HTTP peer \"EP\" fails the first 2 requests with 503")]
    public void FailsFirst(string peer, int count, int status) => Http(peer).FailFirst(count, status);

    [Given("HTTP peer {string} answers request {int} with {int}"), StepExample("Given HTTP peer \"EP\" answers request 2 with 500")]
    public void AnswersRequest(string peer, int request, int status) => Http(peer).Answer(request, status);

    [Given("HTTP peer {string} answers {string} with {int}"), StepExample("Given HTTP peer \"EP\" answers \"/missing\" with 404")]
    public void AnswersPath(string peer, string path, int status) => Http(peer).Answer(path, status);

    [Given("HTTP peer {string} misbehaves only on request {int}"), StepExample("Given HTTP peer \"EP\" misbehaves only on request 2")]
    public void FaultsOnlyOn(string peer, int request) => Http(peer).FaultsOnly(request, request);

    [Given("HTTP peer {string} misbehaves from request {int} on"), StepExample("Given HTTP peer \"EP\" misbehaves from request 3 on")]
    public void FaultsFrom(string peer, int request) => Http(peer).FaultsOnly(request, null);

    private HttpSpec Http(string peer) => chaos.Peers.ConfigureEvilPeer(peer).Http;
}
