using ChaosFeatures.Gherkin.Reporting.Recording;

namespace ChaosFeatures.Gherkin.Reporting.Messages;

/// <summary>
/// Message ids, derived from stable things (file positions, test case ids) rather than counters, so the
/// same suite gives the same ids in every run and reports can be diffed.
/// </summary>
internal static class MessageIds
{
    public const string TestRunStarted = "run";

    /// <summary>A node of a Gherkin document: no two nodes of one file start at the same place.</summary>
    public static string AstNode(string uri, int line, int column) => $"{uri}:{line}:{column}";

    public static string Pickle(string caseId) => caseId;

    public static string PickleStep(string caseId, int stepIndex) => $"{caseId}#s{stepIndex}";

    public static string TestCase(RecordedCase recorded) => "case:" + recorded.TestCase.Id + Attempt(recorded);

    public static string TestCaseStarted(RecordedCase recorded) => "started:" + recorded.TestCase.Id + Attempt(recorded);

    public static string TestStep(RecordedCase recorded, int index) => $"{TestCase(recorded)}#t{index}";

    public static string Suggestion(RecordedCase recorded, int index) => $"{TestCase(recorded)}#suggestion{index}";

    private static string Attempt(RecordedCase recorded) => recorded.Attempt == 0 ? "" : $"@{recorded.Attempt}";
}
