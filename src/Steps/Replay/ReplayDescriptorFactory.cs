using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Harness.EventLog;
using ChaosFeatures.Harness.Replay;
using ChaosFeatures.Steps.Scenario;

namespace ChaosFeatures.Steps.Replay;

/// <summary>A failed chaos case -> its <see cref="ReplayDescriptor"/> (the Harness cannot see Gherkin types, so the mapping lives here).</summary>
public static class ReplayDescriptorFactory
{
    public static ReplayDescriptor Create(ChaosFailure failure, CaseStep? failingStep, ChaosResultsLocation results)
    {
        var testCase = failure.TestCase;
        var seeds = failure.Seeds;
        return new ReplayDescriptor(
            ReplayDescriptor.CurrentVersion,
            results.RunId,
            testCase.Id,
            testCase.Feature.Path,
            testCase.ScenarioName,
            testCase.ScenarioLine,
            testCase.Tags,
            testCase.Example is { } row ? new ReplayExample(row.Index, row.Line, row.Values) : null,
            testCase.MutationCode,
            [.. testCase.Mutations.Select(m => new ReplayMutationBlock(m.BlockLine, m.Kind == MutationKind.OneOf ? "one-of" : "any-of", m.ChosenRows, m.ChosenTexts))],
            [.. testCase.FuzzedValues.Select(f => new ReplayFuzzedValue(f.StepLine, f.Expression, f.Value))],
            new ReplaySeeds(seeds.Run.GenSeed, seeds.Run.Scheduler.ToString(), new ReplayDerivedSeeds(seeds.PayloadSeed, seeds.SchedulerSeed, seeds.ToxicSeed)),
            BuildConfiguration.Current,
            failingStep is null ? null : new ReplayStep(failingStep.Keyword.Trim(), failingStep.Text, failingStep.Line),
            new FailureSignature(failure.ErrorType, SignatureNormalizer.Normalize(failure.ErrorMessage)),
            failure.DecisionHash,
            results.EventsPath);
    }
}
