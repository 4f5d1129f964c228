using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Suite;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.PayloadProcessing;
using TestCase = Io.Cucumber.Messages.Types.TestCase;

namespace ChaosFeatures.Gherkin.Reporting.Results;

/// <summary>
/// Reads a run's Cucumber Messages stream (as a formatter receives it) back into case outcomes: pickle ids are
/// our case ids, test steps point at pickle steps or hooks, results and attachments at test case attempts.
/// JUnit and the chaos page are built from this, so every report tells the same story as the NDJSON. Without a
/// suite (a merged nightly stream, read where its features are not) the cases are rebuilt from the pickles.
/// </summary>
internal sealed class MessageRun(FeatureSuite? suite)
{
    private const string LogMediaType = "text/x.cucumber.log+plain";

    private readonly Dictionary<string, Pickle> _pickles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TestCase> _testCases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hookNames = new(StringComparer.Ordinal);
    private readonly List<TestCaseStarted> _attempts = [];
    private readonly Dictionary<string, List<TestStepFinished>> _results = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _logs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Timestamp> _finished = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentNodes> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _pickleOrder = new(StringComparer.Ordinal);

    public DateTimeOffset Started { get; private set; }
    public DateTimeOffset Finished { get; private set; }
    public bool Success { get; private set; }

    /// <summary>A run read back from its NDJSON file (a <c>message</c> formatter's output); null suite: cases rebuilt from the pickles.</summary>
    /// <exception cref="InvalidDataException">A line that is not a Cucumber message, naming the file and line.</exception>
    public static MessageRun Read(string ndjsonPath, FeatureSuite? suite)
    {
        var run = new MessageRun(suite);
        var number = 0;
        foreach (var line in File.ReadLines(ndjsonPath))
        {
            number++;
            if (line.Length == 0)
                continue;
            Envelope envelope;
            try
            {
                envelope = NdjsonSerializer.Deserialize(line);
            }
            catch (System.Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
            {
                throw new InvalidDataException($"{ndjsonPath}:{number}: not a Cucumber message: {e.Message}", e);
            }
            run.Add(envelope);
        }
        return run;
    }

    public void Add(Envelope envelope)
    {
        switch (envelope)
        {
            case { GherkinDocument: { Uri: { } uri } document }:
                (_documents.TryGetValue(uri, out var nodes) ? nodes : _documents[uri] = new DocumentNodes()).Add(document);
                break;
            case { Pickle: { } pickle }:
                if (_pickles.TryAdd(pickle.Id, pickle)) _pickleOrder[pickle.Id] = _pickleOrder.Count;
                break;
            case { Hook: { } hook }: _hookNames[hook.Id] = hook.Name ?? hook.SourceReference?.JavaMethod?.MethodName ?? "hook"; break;
            case { TestCase: { } testCase }: _testCases[testCase.Id] = testCase; break;
            case { TestCaseStarted: { } started }: _attempts.Add(started); break;
            case { TestStepFinished: { } step }: ListOf(_results, step.TestCaseStartedId).Add(step); break;
            case { TestCaseFinished: { } finished }: _finished[finished.TestCaseStartedId] = finished.Timestamp; break;
            case { Attachment: { TestCaseStartedId: { } attempt, MediaType: LogMediaType } log }: ListOf(_logs, attempt).Add(log.Body); break;
            case { TestRunStarted: { } run }: Started = Time(run.Timestamp); break;
            case { TestRunFinished: { } run }: Finished = Time(run.Timestamp); Success = run.Success; break;
        }
    }

    /// <summary>
    /// Every case that ran, in suite order (a case the suite does not know, e.g. from another run, is left out);
    /// without a suite, every pickle that ran, in stream order.
    /// </summary>
    public IReadOnlyList<CaseOutcome> Outcomes()
    {
        var byCase = _attempts
            .Where(a => _testCases.ContainsKey(a.TestCaseId))
            .GroupBy(a => _testCases[a.TestCaseId].PickleId, StringComparer.Ordinal);
        var outcomes = new List<CaseOutcome>();
        foreach (var attempts in byCase)
        {
            if (!_pickles.TryGetValue(attempts.Key, out var pickle) || CaseOf(pickle) is not { } testCase)
                continue;
            outcomes.Add(Outcome(testCase, [.. attempts.OrderBy(a => a.Attempt)]));
        }
        return [.. outcomes.OrderBy(o => suite?.IndexOf(o.Case.Id) ?? _pickleOrder[o.Case.Id])];
    }

    private Model.TestCase? CaseOf(Pickle pickle) =>
        suite is null ? PickleCase.From(pickle, _documents.GetValueOrDefault(pickle.Uri)) : suite.Find(pickle.Id);

    private CaseOutcome Outcome(Model.TestCase testCase, IReadOnlyList<TestCaseStarted> attempts)
    {
        var read = attempts.Select(a => Attempt(testCase, a)).ToList();
        var failed = read.FindIndex(a => a.Status == "failed");
        var deciding = failed >= 0 ? read[failed] : read[^1];
        var message = deciding.Message;
        if (failed >= 0 && read.Count > 1)
            message = $"Iteration {failed + 1} of {read.Count} failed:{Environment.NewLine}{message}";
        var duration = TimeSpan.FromTicks(read.Sum(a => a.Duration.Ticks));
        return new CaseOutcome(testCase, deciding.Status, duration, message, deciding.SkipReason, deciding.Steps, read.Count, deciding.Logs)
        {
            PassedAttempts = read.Count(a => a.Status == "passed"),
            FailedAttempts = read.Count(a => a.Status == "failed"),
        };
    }

    private sealed record AttemptOutcome(string Status, TimeSpan Duration, string? Message, string? SkipReason, IReadOnlyList<StepOutcome> Steps, IReadOnlyList<string> Logs);

    private AttemptOutcome Attempt(Model.TestCase testCase, TestCaseStarted attempt)
    {
        var testCaseMessage = _testCases[attempt.TestCaseId];
        var pickle = _pickles[testCaseMessage.PickleId];
        var results = _results.GetValueOrDefault(attempt.Id) ?? [];
        var logs = _logs.GetValueOrDefault(attempt.Id) ?? [];
        var steps = new List<StepOutcome>();
        foreach (var result in results)
        {
            var testStep = testCaseMessage.TestSteps.FirstOrDefault(s => s.Id == result.TestStepId);
            var index = testStep?.PickleStepId is { } pickleStep ? pickle.Steps.FindIndex(s => s.Id == pickleStep) : -1;
            var step = index >= 0 && index < testCase.Steps.Count ? testCase.Steps[index] : null;
            var hook = step is null ? _hookNames.GetValueOrDefault(testStep?.HookId ?? "", "hook") : null;
            var r = result.TestStepResult;
            var error = r.Message ?? r.Exception?.Message;
            steps.Add(new StepOutcome(step, hook, r.Status.ToString().ToLowerInvariant(), ToTimeSpan(r.Duration), error));
        }
        var duration = _finished.TryGetValue(attempt.Id, out var end) ? Time(end) - Time(attempt.Timestamp) : TimeSpan.Zero;
        var failing = steps.Where(s => s.Status is "failed" or "ambiguous" or "undefined" or "pending").ToList();
        if (failing.Count > 0)
        {
            var text = string.Join(Environment.NewLine + Environment.NewLine, failing.Select(Describe).Concat(logs));
            return new AttemptOutcome("failed", duration, text, null, steps, logs);
        }
        // @ignore runs no step; a run-time skip marks the skipping step and every later one skipped.
        if (steps.Count == 0 || steps.Where(s => s.Step is not null).All(s => s.Status == "skipped"))
        {
            var reason = testCase.IgnoreReason ?? steps.FirstOrDefault(s => s.Status == "skipped" && s.Error is not null)?.Error ?? "skipped";
            return new AttemptOutcome("skipped", duration, null, reason, steps, logs);
        }
        return new AttemptOutcome("passed", duration, null, null, steps, logs);
    }

    private static string Describe(StepOutcome step)
    {
        var what = step.Step is { } s ? $"{s.Keyword.Trim()} {s.Text} (line {s.Line})" : $"hook {step.Hook}";
        return $"{step.Status} step: {what}{(step.Error is { } e ? Environment.NewLine + e : "")}";
    }

    private static List<T> ListOf<T>(Dictionary<string, List<T>> lists, string key) =>
        lists.TryGetValue(key, out var list) ? list : lists[key] = [];

    private static DateTimeOffset Time(Timestamp t) => DateTimeOffset.FromUnixTimeSeconds(t.Seconds).AddTicks(t.Nanos / 100);

    private static TimeSpan ToTimeSpan(Duration? d) => d is null ? TimeSpan.Zero : TimeSpan.FromSeconds(d.Seconds) + TimeSpan.FromTicks(d.Nanos / 100);
}
