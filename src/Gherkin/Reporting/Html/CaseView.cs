using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Reporting.Recording;

namespace ChaosFeatures.Gherkin.Reporting.Html;

/// <summary>A case of the suite as the page shows it: with its last result, or "not run" when it did not run in this run.</summary>
internal sealed record CaseView(TestCase Case, RecordedCase? Run)
{
    public const string NotRun = "notrun";

    /// <summary>One of passed, failed, skipped, notrun: CSS class, filter value and label at once.</summary>
    public string Status => Run?.Result.Status switch
    {
        TestCaseStatus.Passed => "passed",
        TestCaseStatus.Failed => "failed",
        TestCaseStatus.Skipped => "skipped",
        _ => NotRun,
    };

    /// <summary>Every case of the suite, plus any that ran without being part of it, in suite order.</summary>
    public static IReadOnlyList<CaseView> All(RecordedRun run)
    {
        var last = new Dictionary<string, RecordedCase>(StringComparer.Ordinal);
        foreach (var recorded in run.Cases)
            last[recorded.TestCase.Id] = recorded;
        var views = run.Suite.TestCases.Select(c => new CaseView(c, last.GetValueOrDefault(c.Id))).ToList();
        var known = run.Suite.TestCases.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        views.AddRange(last.Values.Where(r => !known.Contains(r.TestCase.Id)).Select(r => new CaseView(r.TestCase, r)));
        return views;
    }
}
