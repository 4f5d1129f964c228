using Reqnroll;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Scenario;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(5, "Seeds", "Freeze pins the seeds a failure ran with, so the frozen scenario replays it whatever the environment says. " +
    "The step must come before every other chaos step; the scheduler accepts fifo | random:SEED | pct:SEED:DEPTH.")]
public sealed class SeedSteps(ChaosScenario chaos)
{
    [Given("the chaos seeds are gen {long} and sched {string}"), StepExample("Given the chaos seeds are gen 42 and sched \"random:7\"")]
    public void Pinned(long gen, string sched) =>
        chaos.PinSeeds(gen >= 0 ? (ulong)gen : throw new ArgumentOutOfRangeException(nameof(gen), gen, "the gen seed must be >= 0"), sched);
}
