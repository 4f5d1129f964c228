using ChaosFeatures.EvilPeer.Toxics.Bandwidth;
using ChaosFeatures.EvilPeer.Toxics.Corrupt;
using ChaosFeatures.EvilPeer.Toxics.Latency;
using ChaosFeatures.EvilPeer.Toxics.LimitData;
using ChaosFeatures.EvilPeer.Toxics.LimitTime;
using ChaosFeatures.EvilPeer.Toxics.ResetPeer;
using ChaosFeatures.EvilPeer.Toxics.Slicer;
using ChaosFeatures.EvilPeer.Toxics.SlowClose;
using ChaosFeatures.EvilPeer.Toxics.Timeout;
using Reqnroll;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Harness.Peers;
using ChaosFeatures.Steps.Scenario;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(2, "Toxic proxy", "Puts a ToxicProxy in front of a peer; tasks then connect to the proxy. Every \"the proxy of peer\" step implies " +
    "\"is fronted by a toxic proxy\". Toxics apply in step order, downstream (peer to client) unless told otherwise; values are validated at the step.")]
public sealed class ProxySteps(ChaosScenario chaos)
{
    [Given("evil peer {string} is fronted by a toxic proxy"), StepExample("Given evil peer \"EP\" is fronted by a toxic proxy")]
    public void Fronted(string peer) => Proxy(peer);

    [Given("the proxy of peer {string} adds {int} ms latency"), StepExample("Given the proxy of peer \"EP\" adds 20 ms latency")]
    public void Latency(string peer, int ms) => Proxy(peer).Add(new LatencyOptions { Latency = ms });

    [Given("the proxy of peer {string} adds {int} ms latency with {int} ms jitter"), StepExample("Given the proxy of peer \"EP\" adds 20 ms latency with 5 ms jitter")]
    public void LatencyWithJitter(string peer, int ms, int jitter) => Proxy(peer).Add(new LatencyOptions { Latency = ms, Jitter = jitter });

    [Given(@"the proxy of peer {string} throttles to {int} KB\/s"), StepExample("Given the proxy of peer \"EP\" throttles to 100 KB/s")]
    public void Throttles(string peer, int rate) => Proxy(peer).Add(new BandwidthOptions { Rate = rate });

    [Given("the proxy of peer {string} slices into {int}-byte segments"), StepExample("Given the proxy of peer \"EP\" slices into 3-byte segments")]
    public void Slices(string peer, int bytes) => Proxy(peer).Add(new SlicerOptions { AverageSize = bytes });

    [Given("the proxy of peer {string} cuts off after {int} bytes"), StepExample("Given the proxy of peer \"EP\" cuts off after 100 bytes")]
    public void CutsOff(string peer, int bytes) => Proxy(peer).Add(new LimitDataOptions { Bytes = bytes });

    [Given("the proxy of peer {string} resets after {int} ms"), StepExample("Given the proxy of peer \"EP\" resets after 50 ms")]
    public void Resets(string peer, int ms) => Proxy(peer).Add(new ResetPeerOptions { Timeout = ms });

    [Given("the proxy of peer {string} times out after {int} ms"), StepExample("Given the proxy of peer \"EP\" times out after 100 ms")]
    public void TimesOut(string peer, int ms) => Proxy(peer).Add(new TimeoutOptions { Timeout = ms });

    [Given("the proxy of peer {string} delays the close by {int} ms"), StepExample("Given the proxy of peer \"EP\" delays the close by 50 ms")]
    public void SlowClose(string peer, int ms) => Proxy(peer).Add(new SlowCloseOptions { Delay = ms });

    [Given("the proxy of peer {string} cuts the connection after {int} ms"), StepExample("Given the proxy of peer \"EP\" cuts the connection after 100 ms")]
    public void LimitTime(string peer, int ms) => Proxy(peer).Add(new LimitTimeOptions { Time = ms });

    [Given("the proxy of peer {string} flips bit {int} of byte {int}"), StepExample("Given the proxy of peer \"EP\" flips bit 3 of byte 10")]
    public void Corrupt(string peer, int bit, int offset) => Proxy(peer).Add(new CorruptOptions { Bit = bit, Offset = offset });

    [Given("the proxy of peer {string} applies its toxics {word}"), StepExample("Given the proxy of peer \"EP\" applies its toxics upstream")]
    public void Stream(string peer, string stream) => Proxy(peer).ApplyTo(stream);

    [Given("the proxy of peer {string} applies toxics with toxicity {double}"), StepExample("Given the proxy of peer \"EP\" applies toxics with toxicity 0.5")]
    public void Toxicity(string peer, double toxicity) => Proxy(peer).WithToxicity(toxicity);

    private ProxySpec Proxy(string peer) => chaos.Peers.Configure(peer).Fronted();
}
