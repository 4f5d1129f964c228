using System.Text.Json.Nodes;
using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Reporting.Recording;

namespace ChaosFeatures.Gherkin.Reporting.Messages;

/// <summary>
/// The envelopes of one finished case, in order: <c>testCase</c>, <c>testCaseStarted</c>, per test step
/// started / attachments / finished (and a <c>suggestion</c> after an undefined step), <c>testCaseFinished</c>.
/// The case's own failure text (failing step, error, chaos timeline, freeze command) becomes the message of
/// the step that caused it, so message consumers show it verbatim where the case broke.
/// </summary>
internal static class TestCaseMessages
{
    public static IEnumerable<JsonObject> Build(RecordedCase recorded)
    {
        var startedId = MessageIds.TestCaseStarted(recorded);
        var pickleStepIndexes = PickleStepIndexes(recorded);
        yield return Json.Envelope("testCase", Json.Object(
            ("id", MessageIds.TestCase(recorded)),
            ("pickleId", MessageIds.Pickle(recorded.TestCase.Id)),
            ("testSteps", Json.Array(recorded.Steps.Select((step, i) => (JsonNode?)TestStep(recorded, step.Result, i, pickleStepIndexes[i])))),
            ("testRunStartedId", MessageIds.TestRunStarted)));
        yield return Json.Envelope("testCaseStarted", Json.Object(
            ("attempt", recorded.Attempt),
            ("id", startedId),
            ("testCaseId", MessageIds.TestCase(recorded)),
            ("timestamp", Json.Timestamp(recorded.Started))));

        var note = recorded.Result.Status switch
        {
            TestCaseStatus.Failed => recorded.Result.Message,
            TestCaseStatus.Skipped => recorded.Result.SkipReason,
            _ => null,
        };
        var cause = CauseIndex(recorded.Result);
        for (var i = 0; i < recorded.Steps.Count; i++)
        {
            var step = recorded.Steps[i];
            var stepId = MessageIds.TestStep(recorded, i);
            yield return Json.Envelope("testStepStarted", Json.Object(
                ("testCaseStartedId", startedId), ("testStepId", stepId), ("timestamp", Json.Timestamp(step.Started))));
            foreach (var attachment in step.Attachments)
                yield return Attachment(attachment.Body, attachment.MediaType, attachment.Timestamp, startedId, stepId);
            yield return Json.Envelope("testStepFinished", Json.Object(
                ("testCaseStartedId", startedId),
                ("testStepId", stepId),
                ("testStepResult", Json.Object(
                    ("duration", Json.Duration(step.Result.Duration)),
                    ("message", i == cause ? note ?? step.Result.Error : step.Result.Error),
                    ("status", step.Result.Status.ToString().ToUpperInvariant()))),
                ("timestamp", Json.Timestamp(step.Finished))));
            if (step.Result is { Status: StepStatus.Undefined, Snippet: { } snippet } && pickleStepIndexes[i] is { } pickleStep)
                yield return Json.Envelope("suggestion", Json.Object(
                    ("id", MessageIds.Suggestion(recorded, i)),
                    ("pickleStepId", MessageIds.PickleStep(recorded.TestCase.Id, pickleStep)),
                    ("snippets", Json.Array([Json.Object(("language", "csharp"), ("code", snippet))]))));
        }
        // A case can fail or be skipped before any step ran (BeforeFeature failed, @ignore): its reason must still be shown.
        if (cause < 0 && note is not null)
            yield return Attachment(note, "text/plain", recorded.Finished, startedId, null);
        foreach (var attachment in recorded.LooseAttachments)
            yield return Attachment(attachment.Body, attachment.MediaType, attachment.Timestamp, startedId, null);
        yield return Json.Envelope("testCaseFinished", Json.Object(
            ("testCaseStartedId", startedId), ("timestamp", Json.Timestamp(recorded.Finished)), ("willBeRetried", false)));
    }

    private static JsonObject TestStep(RecordedCase recorded, StepResult result, int index, int? pickleStep)
    {
        var id = MessageIds.TestStep(recorded, index);
        if (result.Hook is { } hook)
            return Json.Object(("hookId", hook.Id), ("id", id));
        return Json.Object(
            ("id", id),
            ("pickleStepId", pickleStep is { } p ? MessageIds.PickleStep(recorded.TestCase.Id, p) : null),
            ("stepDefinitionIds", Json.Strings(result.Binding is { } binding ? [binding.Id] : [])),
            ("stepMatchArgumentsLists", Json.Array(result.Binding is null ? [] :
            [
                Json.Object(("stepMatchArguments", Json.Array((result.Arguments ?? []).Select(a =>
                    (JsonNode?)Json.Object(("group", Json.Object(("start", a.Start), ("value", a.Value)))))))),
            ])));
    }

    /// <summary>For each test step, the index of its pickle step (null for hooks).</summary>
    private static int?[] PickleStepIndexes(RecordedCase recorded)
    {
        var steps = recorded.TestCase.Steps;
        return [.. recorded.Steps.Select(s => s.Result.Step is { } step ? IndexOf(steps, step) : (int?)null)];
    }

    // The runner hands back the case's own step objects; equal-valued copies (e.g. from a timeout report) still resolve.
    private static int? IndexOf(IReadOnlyList<CaseStep> steps, CaseStep step)
    {
        for (var i = 0; i < steps.Count; i++)
            if (ReferenceEquals(steps[i], step))
                return i;
        var byValue = steps.Select((s, i) => (s, i)).FirstOrDefault(p => p.s == step);
        return byValue.s is null ? null : byValue.i;
    }

    /// <summary>The step that decided a non-passing case: the first one that neither passed nor was merely skipped along.</summary>
    private static int CauseIndex(TestCaseResult result)
    {
        for (var i = 0; i < result.Steps.Count; i++)
        {
            var step = result.Steps[i];
            if (step.Status is not (StepStatus.Passed or StepStatus.Skipped) || step is { Status: StepStatus.Skipped, Error: not null })
                return i;
        }
        return -1;
    }

    private static JsonObject Attachment(string body, string mediaType, DateTimeOffset at, string startedId, string? stepId) =>
        Json.Envelope("attachment", Json.Object(
            ("body", body),
            ("contentEncoding", "IDENTITY"),
            ("mediaType", mediaType),
            ("testCaseStartedId", startedId),
            ("testStepId", stepId),
            ("timestamp", Json.Timestamp(at))));
}
