#if _FUZZ
using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.Harness.Scheduling;

/// <summary>
/// The _FUZZ build's perturbation point at every scheduler yield: now and then the pump waits a
/// moment before picking, so I/O completions that would normally arrive just too late join the
/// ready queue and the policy chooses among more continuations — races that need a late
/// completion get their chance. Drawn from the scheduler seed, so the same seed pauses at the
/// same picks. Compiled out of normal builds: they pay nothing.
/// </summary>
internal sealed class FuzzPerturbation(ulong seed)
{
    /// <summary>One pick in eight pauses; often enough to matter, rare enough to keep runs short.</summary>
    private const ulong PauseOneIn = 8;

    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(1);

    private readonly SplitMix64 _random = new Seed(seed).For("fuzz-perturbation").Generator();

    public bool ShouldPause() => _random.NextUInt64() % PauseOneIn == 0;
}
#endif
