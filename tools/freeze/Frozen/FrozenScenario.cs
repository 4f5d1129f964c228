using System.Globalization;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Harness.Replay;

namespace ChaosFeatures.Freeze.Frozen;

/// <summary>
/// The regression scenario made from one failure: the original case's steps (background included,
/// mutations flattened, fuzz and Examples values concrete) after a seed-pinning first step, with the
/// original tags minus <c>@chaos-max:*</c> plus <c>@frozen</c> and the replay tags (<see cref="ReplayTags"/>).
/// </summary>
/// <param name="Steps">The steps after the seed step; fewer than the original's once shrunk.</param>
/// <param name="DescriptorDisplay">How the header names the descriptor (suite-relative when inside the suite).</param>
/// <param name="Shrunk">"N -> M" mutation steps when shrunk, else null.</param>
internal sealed record FrozenScenario(TestCase Original, ReplayDescriptor Descriptor, IReadOnlyList<CaseStep> Steps, string DescriptorDisplay, string? Shrunk)
{
    public static FrozenScenario From(TestCase original, ReplayDescriptor descriptor, string descriptorDisplay) =>
        new(original, descriptor, original.Steps, descriptorDisplay, null);

    /// <summary>The Gherkin step that pins the seeds (the step library's seed-pinning phrase).</summary>
    public CaseStep SeedStep
    {
        get
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"the chaos seeds are gen {Descriptor.Seeds.Gen} and sched \"{Descriptor.Seeds.Sched}\"");
            return new CaseStep("Given ", StepKeywordType.Given, text, text, Original.ScenarioLine, null, null);
        }
    }

    public IReadOnlyList<string> FeatureTags => [.. Kept(Original.Feature.Tags).Prepend(ReplayTags.Frozen).Distinct(StringComparer.Ordinal)];

    /// <summary>Scenario and Examples tags, then where the seeds come from and the hash a faithful replay reproduces.</summary>
    public IReadOnlyList<string> ScenarioTags =>
    [
        .. Kept(Original.Tags.Except(Original.Feature.Tags, StringComparer.Ordinal)),
        ReplayTags.ReplayOfPrefix + ReplayTags.SeedIdentity(Descriptor.TestId, Descriptor.Tags),
        ReplayTags.DecisionsPrefix + Descriptor.DecisionHash,
    ];

    /// <summary>Indices into <see cref="Steps"/> of the steps that came from mutation blocks.</summary>
    public IReadOnlyList<int> MutationSteps => [.. Steps.Select((s, i) => (s, i)).Where(p => p.s.MutationBlockLine is not null).Select(p => p.i)];

    /// <summary>
    /// A runnable case without a file, for shrink runs: it derives its seeds from the original id
    /// (through the replay-of tag) but carries no expected hash, since a reduction decides less.
    /// </summary>
    public TestCase ToTestCase(string id) => Original with
    {
        Id = id,
        Tags = [.. Kept(Original.Tags), ReplayTags.Frozen, ReplayTags.ReplayOfPrefix + ReplayTags.SeedIdentity(Descriptor.TestId, Descriptor.Tags)],
        Steps = [SeedStep, .. Steps],
        Example = null,
        MutationCode = null,
        Mutations = [],
        FuzzedValues = [],
    };

    // Sampling caps and an earlier freeze's replay tags do not belong on a fixed scenario.
    private static IEnumerable<string> Kept(IEnumerable<string> tags) => tags.Where(t =>
        !t.StartsWith("chaos-max:", StringComparison.Ordinal)
        && !t.StartsWith(ReplayTags.ReplayOfPrefix, StringComparison.Ordinal)
        && !t.StartsWith(ReplayTags.DecisionsPrefix, StringComparison.Ordinal)
        && t != ReplayTags.Frozen);
}
