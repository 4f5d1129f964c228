using System.Text;
using ChaosFeatures.EvilPeer.Peers.Accept;
using Reqnroll;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Scenario;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(1, "Peers", "Given steps configure a named EvilPeer, one aspect per step; it starts the first time a task (or its proxy) needs it, " +
    "so all its Given steps apply whatever their order. A fault that does not fit the peer's mode, or a peer configured after it started, is an error. " +
    "A reading peer that `stops reading after N bytes` reads N bytes, holds the connection if told to, then closes without reading the rest: " +
    "the kernel turns a close with unread bytes into an RST, so an uploader still sending sees reset, and one whose bytes all fit in the socket buffers may see completed.")]
public sealed class PeerSteps(ChaosScenario chaos)
{
    [Given("an evil peer {string} serving {int} bytes"), StepExample("Given an evil peer \"EP\" serving 256 bytes")]
    public void Serving(string peer, int bytes) => chaos.Peers.DefineEvilPeer(peer).Serve(chaos.Peers.GeneratedPayload(peer, bytes));

    [Given("an evil peer {string} serving {string}"), StepExample("Given an evil peer \"EP\" serving \"hello\"")]
    public void ServingText(string peer, string text) => chaos.Peers.DefineEvilPeer(peer).Serve(() => Encoding.UTF8.GetBytes(text));

    [Given("an evil peer {string} that never reads"), StepExample("Given an evil peer \"EP\" that never reads")]
    public void NeverReads(string peer) => chaos.Peers.DefineEvilPeer(peer).Consume(readSize: 0);

    [Given("an evil peer {string} reading {int} bytes at a time"), StepExample("Given an evil peer \"EP\" reading 64 bytes at a time")]
    public void Reading(string peer, int bytes) => chaos.Peers.DefineEvilPeer(peer).Consume(bytes);

    [Given("an evil peer {string} echoing"), StepExample("Given an evil peer \"EP\" echoing")]
    public void Echoing(string peer) => chaos.Peers.DefineEvilPeer(peer).Echo();

    [Given("an evil peer {string} that refuses connections"), StepExample("Given an evil peer \"EP\" that refuses connections")]
    public void Refuses(string peer) => chaos.Peers.DefineEvilPeer(peer).Accept(AcceptFault.Refuse);

    [Given("an evil peer {string} that accepts and closes at once"), StepExample("Given an evil peer \"EP\" that accepts and closes at once")]
    public void ClosesAtOnce(string peer) => chaos.Peers.DefineEvilPeer(peer).Accept(AcceptFault.CloseAtOnce());

    [Given("an evil peer {string} that accepts and resets at once"), StepExample("Given an evil peer \"EP\" that accepts and resets at once")]
    public void ResetsAtOnce(string peer) => chaos.Peers.DefineEvilPeer(peer).Accept(AcceptFault.CloseAtOnce(hardReset: true));

    [Given("an evil peer {string} that delays accepting by {int} ms"), StepExample("Given an evil peer \"EP\" that delays accepting by 50 ms")]
    public void DelaysAccepting(string peer, int ms) => chaos.Peers.DefineEvilPeer(peer).Accept(AcceptFault.Delay(ms));

    [Given("an evil peer {string} that never accepts"), StepExample("Given an evil peer \"EP\" that never accepts")]
    public void NeverAccepts(string peer) => chaos.Peers.DefineEvilPeer(peer).Accept(AcceptFault.NeverAccept);

    [Given("evil peer {string} slices output into {int}-byte chunks"), StepExample("Given evil peer \"EP\" slices output into 7-byte chunks")]
    public void Slices(string peer, int bytes) => chaos.Peers.ConfigureEvilPeer(peer).Slice(bytes);

    [Given("evil peer {string} delays {int} ms between chunks"), StepExample("Given evil peer \"EP\" delays 2 ms between chunks")]
    public void DelaysChunks(string peer, int ms) => chaos.Peers.ConfigureEvilPeer(peer).DelayBetweenChunks(ms);

    [Given("evil peer {string} closes after {int} bytes"), StepExample("Given evil peer \"EP\" closes after 100 bytes")]
    public void ClosesAfter(string peer, int bytes) => chaos.Peers.ConfigureEvilPeer(peer).CloseAfter(bytes);

    [Given("evil peer {string} resets after {int} bytes"), StepExample("Given evil peer \"EP\" resets after 100 bytes")]
    public void ResetsAfter(string peer, int bytes) => chaos.Peers.ConfigureEvilPeer(peer).ResetAfter(bytes);

    [Given("evil peer {string} uses a hard reset"), StepExample("Given evil peer \"EP\" uses a hard reset")]
    public void HardReset(string peer) => chaos.Peers.ConfigureEvilPeer(peer).HardReset();

    [Given("evil peer {string} holds the connection for {int} ms"), StepExample("Given evil peer \"EP\" holds the connection for 100 ms")]
    public void Holds(string peer, int ms) => chaos.Peers.ConfigureEvilPeer(peer).Hold(ms);

    [Given("evil peer {string} goes half-open after {int} bytes"), StepExample("Given evil peer \"EP\" goes half-open after 100 bytes")]
    public void HalfOpen(string peer, int bytes) => chaos.Peers.ConfigureEvilPeer(peer).HalfOpenAfter(bytes);

    [Given("evil peer {string} stops reading after {int} bytes"), StepExample("Given evil peer \"EP\" stops reading after 1000 bytes")]
    public void StopsReading(string peer, int bytes) => chaos.Peers.ConfigureEvilPeer(peer).StopReadingAfter(bytes);

    [Given("evil peer {string} delays {int} ms between reads"), StepExample("Given evil peer \"EP\" delays 5 ms between reads")]
    public void DelaysReads(string peer, int ms) => chaos.Peers.ConfigureEvilPeer(peer).DelayBetweenReads(ms);

    [Given("evil peer {string} runs as a forked peer"), StepExample("Given evil peer \"EP\" runs as a forked peer")]
    public void Forked(string peer) => chaos.Peers.ConfigureEvilPeer(peer).RunForked();
}
