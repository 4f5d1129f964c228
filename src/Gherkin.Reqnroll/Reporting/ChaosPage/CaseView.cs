using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Reporting.Results;

namespace ChaosFeatures.Gherkin.Reporting.ChaosPage;

/// <summary>A case of the suite as the page shows it: with its outcome, or "not run" when it did not run in this run.</summary>
internal sealed record CaseView(TestCase Case, CaseOutcome? Run)
{
    public const string NotRun = "notrun";

    /// <summary>One of passed, failed, skipped, notrun: CSS class, filter value and label at once.</summary>
    public string Status => Run?.Status ?? NotRun;

    /// <summary>
    /// Every case of the suite: those that ran first (in suite order), then those that did not, so a run
    /// filtered to a few scenarios opens on them.
    /// </summary>
    public static IReadOnlyList<CaseView> All(IReadOnlyList<TestCase> suite, IReadOnlyList<CaseOutcome> outcomes)
    {
        var ran = outcomes.ToDictionary(o => o.Case.Id, StringComparer.Ordinal);
        return [.. suite.Where(c => ran.ContainsKey(c.Id)).Select(c => new CaseView(c, ran[c.Id])),
            .. suite.Where(c => !ran.ContainsKey(c.Id)).Select(c => new CaseView(c, null))];
    }
}
