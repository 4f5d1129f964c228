using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Freeze.Cli;
using ChaosFeatures.Gherkin.Suite;
using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Harness.Replay;

namespace ChaosFeatures.Freeze.Suite;

/// <summary>
/// Regenerates the failed test case from its feature with the descriptor's generation seed, and
/// checks that it is still the case that failed: same scenario, same chosen mutation steps, same
/// fuzzed values. A feature edited since the failure is refused instead of freezing something else.
/// </summary>
internal static class OriginalCase
{
    // Cases outside the configured cap (e.g. sampled by a _FUZZ run) need a wider expansion to be found again.
    private const int WideCap = 10_000;

    public static TestCase Find(SuiteHome suite, ReplayDescriptor descriptor)
    {
        var options = ExpansionOptions.Default with
        {
            MaxCombinations = suite.Configuration.Chaos.MaxCombinations,
            FeatureLanguage = suite.Configuration.FeatureLanguage,
            GenerationSeed = descriptor.Seeds.Gen,
        };
        var found = Load(suite, descriptor, options)
            ?? Load(suite, descriptor, options with { MaxCombinations = WideCap, CapFromOptionsOverridesTags = true })
            ?? throw new FreezeInputException(
                $"test case '{descriptor.TestId}' (scenario '{descriptor.ScenarioName}' at line {descriptor.ScenarioLine}) is no longer in {descriptor.FeaturePath}");
        CheckUnchanged(found, descriptor);
        return found;
    }

    private static TestCase? Load(SuiteHome suite, ReplayDescriptor descriptor, ExpansionOptions options)
    {
        var loaded = FeatureSuite.Load(suite.Root, [descriptor.FeaturePath], options);
        if (loaded.Errors.Count > 0)
            throw new FreezeInputException($"{descriptor.FeaturePath} does not load: {loaded.Errors[0].ToString().ReplaceLineEndings(" ")}");
        return loaded.TestCases.FirstOrDefault(c => c.Id == descriptor.TestId);
    }

    private static void CheckUnchanged(TestCase found, ReplayDescriptor descriptor)
    {
        void Same(bool same, string what)
        {
            if (!same)
                throw new FreezeInputException($"{descriptor.FeaturePath} changed since the failure: {what} of '{descriptor.TestId}' differ from the descriptor");
        }

        Same(found.ScenarioName == descriptor.ScenarioName, "the scenario name");
        Same(found.Mutations.Select(m => string.Join('\n', m.ChosenTexts)).SequenceEqual(descriptor.Mutations.Select(m => string.Join('\n', m.Steps))),
            "the chosen mutation steps");
        Same(found.FuzzedValues.Select(f => (f.StepLine, f.Expression, f.Value)).SequenceEqual(descriptor.FuzzedValues.Select(f => (f.Line, f.Expression, f.Value))),
            "the fuzzed values");
        Same(found.Example is null == descriptor.Example is null
             && (found.Example is null || found.Example.Values.OrderBy(v => v.Key, StringComparer.Ordinal)
                 .SequenceEqual(descriptor.Example!.Values.OrderBy(v => v.Key, StringComparer.Ordinal))),
            "the Examples row values");
    }
}
