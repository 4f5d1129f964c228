using Reqnroll;
using ChaosFeatures.Seeds;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Scenario;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(5, "Seeds", "Freeze pins the seeds a failure ran with, so the frozen scenario replays it whatever the environment says. " +
    "The step must come before every other chaos step; the scheduler accepts fifo | random:SEED | pct:SEED:DEPTH.")]
public sealed class SeedSteps(ChaosScenario chaos)
{
    // {word}, not {long}: a seed is any ulong (freeze writes seeds past 2^63), parsed by the one seed parser.
    [Given("the chaos seeds are gen {word} and sched {string}"), StepExample("Given the chaos seeds are gen 42 and sched \"random:7\"")]
    public void Pinned(string gen, string sched) =>
        chaos.PinSeeds(SeedText.TryParse(gen, out var seed) ? seed : throw new ArgumentException(SeedText.Invalid("the gen seed", gen, SeedText.Range), nameof(gen)), sched);
}
