using System.Text;

namespace ChaosFeatures.Gherkin.Execution.Scenarios;

/// <summary>
/// The one place that turns what happened into Passed/Failed/Skipped. Precedence: real failures,
/// then undefined/pending steps (failing under the Error outcome), then a run-time skip (failing in
/// strict mode), then undefined/pending under a lenient outcome, else Passed.
/// </summary>
internal static class CaseVerdict
{
    public const string UndefinedHeadline = "No matching step definition found for the step. Use the following code to create one:";

    public static (TestCaseStatus Status, string? Message, string? StackTrace, string? SkipReason) Decide(
        CaseJournal journal, ExecutionSettings settings, IReadOnlyList<string> failureDetails)
    {
        var (_, failures, undefined, pending) = journal.Snapshot();
        var missing = Missing(undefined, pending);
        var lenient = settings.MissingOrPendingStepsOutcome != MissingOrPendingStepsOutcome.Error;
        var problems = new List<string>(failures.Select(f => f.ToString()));
        if (missing is not null && !lenient)
            problems.Add(missing);
        if (problems.Count == 0 && journal.SkipReason is { } reason)
        {
            if (!settings.StrictSkips)
                return (TestCaseStatus.Skipped, null, null, reason);
            problems.Add($"Skipped in strict mode: {reason}");
        }
        if (problems.Count == 0 && missing is not null)
        {
            var label = settings.MissingOrPendingStepsOutcome.ToString();
            return (TestCaseStatus.Skipped, null, null, $"{label} (missingOrPendingStepsOutcome={label}): {missing}");
        }
        if (problems.Count == 0)
            return (TestCaseStatus.Passed, null, null, null);
        var message = new StringBuilder().AppendJoin(Environment.NewLine + Environment.NewLine, problems);
        foreach (var detail in failureDetails)
            message.AppendLine().AppendLine().Append(detail);
        return (TestCaseStatus.Failed, message.ToString(), failures.Select(f => f.StackTrace).FirstOrDefault(s => s is not null), null);
    }

    private static string? Missing(IReadOnlyList<(Model.CaseStep Step, string Snippet)> undefined, IReadOnlyList<Problem> pending)
    {
        var parts = new List<string>();
        if (undefined.Count > 0)
        {
            var text = new StringBuilder(UndefinedHeadline);
            foreach (var (_, snippet) in undefined)
                text.AppendLine().AppendLine().Append(snippet);
            text.AppendLine().AppendLine();
            text.AppendJoin(Environment.NewLine, undefined.Select(u => $"Undefined step: {u.Step.Keyword.Trim()} {u.Step.Text} (line {u.Step.Line})"));
            parts.Add(text.ToString());
        }
        parts.AddRange(pending.Select(p => $"Pending: {p}"));
        return parts.Count == 0 ? null : string.Join(Environment.NewLine + Environment.NewLine, parts);
    }
}
