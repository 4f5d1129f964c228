using ChaosFeatures.Freeze.Frozen;
using ChaosFeatures.Freeze.Replay;

namespace ChaosFeatures.Freeze.Shrink;

/// <summary>
/// Removes mutation-derived steps while the case still fails with the descriptor's signature. A
/// reduction that fails differently is a different bug and is not kept. The steps that did not
/// come from a mutation block are the scenario's frame and always stay.
/// </summary>
internal static class MutationShrinker
{
    public sealed record Result(FrozenScenario Scenario, int Before, int After, int Runs, bool Reproduced);

    public static async Task<Result> ShrinkAsync(FrozenScenario frozen, CaseRunner runner, CancellationToken ct)
    {
        var expected = frozen.Descriptor.Signature;
        var runsBefore = runner.Runs;
        var mutationSteps = frozen.MutationSteps;

        var attempt = 0;
        async Task<bool> Fails(IReadOnlyList<int> kept)
        {
            var candidate = Keep(frozen, mutationSteps, kept);
            var outcome = await runner.RunAsync(candidate.ToTestCase($"{frozen.Descriptor.TestId}#shrink-{++attempt}"), ct);
            return outcome.Reproduces(expected);
        }

        // Without a reproduction of the whole case there is nothing to keep reductions against.
        if (!await Fails(mutationSteps))
            return new Result(frozen, mutationSteps.Count, mutationSteps.Count, runner.Runs - runsBefore, Reproduced: false);
        var minimal = await DeltaDebugging.MinimizeAsync(mutationSteps, Fails);
        var shrunk = Keep(frozen, mutationSteps, minimal) with { Shrunk = $"{mutationSteps.Count} -> {minimal.Count}" };
        return new Result(shrunk, mutationSteps.Count, minimal.Count, runner.Runs - runsBefore, Reproduced: true);
    }

    private static FrozenScenario Keep(FrozenScenario frozen, IReadOnlyList<int> mutationSteps, IReadOnlyList<int> kept) =>
        frozen with { Steps = [.. frozen.Steps.Where((_, i) => !mutationSteps.Contains(i) || kept.Contains(i))] };
}
