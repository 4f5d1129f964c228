using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Freeze.Replay;
using ChaosFeatures.Gherkin.Suite;
using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Harness.Replay;

namespace ChaosFeatures.Freeze.Verify;

/// <summary>
/// Runs the frozen file as written, N times, and checks each run against the descriptor: the same
/// failure signature (it reproduces) and the same decision-log hash (it did not drift).
/// </summary>
internal static class FrozenVerifier
{
    public sealed record Report(int Runs, int Reproduced, int Matched, IReadOnlyList<string> Drifts)
    {
        public bool Faithful => Reproduced == Runs && Matched == Runs;
    }

    public static async Task<Report> VerifyAsync(string frozenPath, SuiteHome suite, ReplayDescriptor descriptor, int runs, CaseRunner runner, CancellationToken ct)
    {
        var inSuite = frozenPath.StartsWith(suite.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var loaded = FeatureSuite.Load(inSuite ? suite.Root : Path.GetDirectoryName(frozenPath)!, [frozenPath],
            ExpansionOptions.Default with { FeatureLanguage = suite.Configuration.FeatureLanguage });
        if (loaded.Errors.Count > 0 || loaded.TestCases.Count != 1)
            throw new InvalidOperationException($"{frozenPath} should hold exactly one runnable case: {string.Join("; ", loaded.Errors)}");

        var (reproduced, matched, drifts) = (0, 0, new List<string>());
        for (var i = 0; i < runs; i++)
        {
            var outcome = await runner.RunAsync(loaded.TestCases[0], ct);
            if (outcome.Reproduces(descriptor.Signature)) reproduced++;
            if (outcome.DecisionHash == descriptor.DecisionHash && outcome.Drift is null) matched++;
            else drifts.Add(outcome.Drift ?? (outcome.DecisionHash is { } hash
                ? $"decision log hash {hash} differs from the descriptor's {descriptor.DecisionHash}"
                : $"run {i + 1} wrote no descriptor ({outcome.Status}), so its decisions cannot be compared"));
        }
        return new Report(runs, reproduced, matched, drifts);
    }
}
