using System.Diagnostics;
using ChaosFeatures.Gherkin.Bindings;
using ChaosFeatures.Gherkin.Bindings.Conversion;
using ChaosFeatures.Gherkin.Bindings.Matching;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Execution.Scenarios;

/// <summary>Matches, binds and runs one step with its BeforeStep/AfterStep hooks, and records the result.</summary>
internal sealed class StepExecutor(RunContext run, TestCase testCase, ScenarioContext context, IBindingInstances instances, CaseJournal journal)
{
    private readonly HookBinding[] _beforeStep = [.. run.Registry.HooksOf(HookType.BeforeStep).Where(h => h.AppliesTo(testCase))];
    private readonly HookBinding[] _afterStep = [.. run.Registry.HooksOf(HookType.AfterStep).Where(h => h.AppliesTo(testCase))];

    public async Task ExecuteAsync(CaseStep step)
    {
        var info = new TestStepInfo(step, null);
        run.Hub.Notify(l => l.StepStarted(testCase, info));
        var started = Stopwatch.GetTimestamp();
        // Steps run only while the case is OK, so whatever the case's status becomes is this step's doing.
        var stepContext = new ScenarioStepContext(new StepInfo(step));
        context.StepContext = stepContext;
        var match = run.Matcher.Match(testCase, step);
        StepResult result;
        if (match.Kind != StepMatchKind.Found)
            result = Unmatched(info, match, started, execute: true);
        else
        {
            // The step's outcome is recorded before AfterStep hooks so they see it in ScenarioContext, as in Reqnroll.
            result = Finish(info, match, await InvokeAsync(match, step).ConfigureAwait(false), started);
            stepContext.Status = context.ScenarioExecutionStatus;
            result = await RunAfterStepHooksAsync(result, started).ConfigureAwait(false);
        }
        stepContext.Status = context.ScenarioExecutionStatus;
        if (journal.Add(result, mainPhase: true))
            run.Hub.Notify(l => l.StepFinished(testCase, result));
    }

    /// <summary>A step after the case stopped: not run, but still matched (unless StopAtFirstError) so later undefined steps get snippets.</summary>
    public void Skip(CaseStep step)
    {
        var info = new TestStepInfo(step, null);
        run.Hub.Notify(l => l.StepStarted(testCase, info));
        var started = Stopwatch.GetTimestamp();
        var result = new StepResult(info, StepStatus.Skipped, TimeSpan.Zero);
        if (!run.Settings.StopAtFirstError)
        {
            var match = run.Matcher.Match(testCase, step);
            result = match.Kind == StepMatchKind.Found
                ? result with { Binding = match.Binding!.Info, Arguments = Arguments(match) }
                : Unmatched(info, match, started, execute: false);
        }
        if (journal.Add(result, mainPhase: true))
            run.Hub.Notify(l => l.StepFinished(testCase, result));
    }

    private StepResult Unmatched(TestStepInfo info, StepMatch match, long started, bool execute)
    {
        var step = info.Step!;
        var where = $"Step failed: {info}";
        switch (match.Kind)
        {
            case StepMatchKind.Undefined:
                var snippet = SnippetBuilder.Build(step);
                journal.Undefined(step, snippet);
                return new StepResult(info, StepStatus.Undefined, Stopwatch.GetElapsedTime(started), CaseVerdict.UndefinedHeadline, snippet);
            case StepMatchKind.Ambiguous:
                var ambiguous = "Ambiguous step definitions (equally specific scope):" + Environment.NewLine
                    + string.Join(Environment.NewLine, match.Candidates.Select(c => $"  {c.Method.Signature} [\"{c.Info.Expression}\"]"));
                journal.Fail(new Problem(where, ambiguous), null, mainPhase: true, ScenarioExecutionStatus.BindingError);
                return new StepResult(info, StepStatus.Ambiguous, Stopwatch.GetElapsedTime(started), ambiguous);
            default:
                var needs = step.Argument is null ? "expects a data table or doc string the step does not have" : "takes no data table or doc string, but the step has one";
                var mismatch = string.Join(Environment.NewLine, match.Candidates.Select(c => $"{c.Method.Signature} [\"{c.Info.Expression}\"] matches the text but {needs}."));
                journal.Fail(new Problem(where, mismatch), null, mainPhase: true, ScenarioExecutionStatus.BindingError);
                return new StepResult(info, execute ? StepStatus.Failed : StepStatus.Skipped, Stopwatch.GetElapsedTime(started), mismatch);
        }
    }

    private async Task<Exception?> InvokeAsync(StepMatch match, CaseStep step)
    {
        try
        {
            foreach (var hook in _beforeStep)
                await WithHookNameAsync(hook, hook.InvokeAsync(instances)).ConfigureAwait(false);
            var binding = match.Binding!;
            var args = binding.BindArguments(instances, match.Arguments, step.Argument);
            await binding.Method.InvokeAsync(binding.Method.Target(instances), args).ConfigureAwait(false);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private async Task<StepResult> RunAfterStepHooksAsync(StepResult result, long started)
    {
        foreach (var hook in _afterStep)
        {
            try
            {
                await WithHookNameAsync(hook, hook.InvokeAsync(instances)).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                var message = ErrorText.Of(e);
                journal.Fail(new Problem($"Step failed: {result.Info}", message, e.InnerException?.StackTrace ?? e.StackTrace), e, mainPhase: true);
                if (result.Status == StepStatus.Passed)
                    result = result with { Status = StepStatus.Failed, Error = message };
            }
        }
        return result with { Duration = Stopwatch.GetElapsedTime(started) };
    }

    private static async Task WithHookNameAsync(HookBinding hook, ValueTask invocation)
    {
        try
        {
            await invocation.ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (PendingStepException or ScenarioSkippedException))
        {
            throw new HookFailedException(hook.Info, e);
        }
    }

    private StepResult Finish(TestStepInfo info, StepMatch match, Exception? error, long started)
    {
        var result = new StepResult(info, StepStatus.Passed, Stopwatch.GetElapsedTime(started), Binding: match.Binding!.Info, Arguments: Arguments(match));
        var where = $"Step failed: {info}";
        switch (error)
        {
            case null:
                return result;
            case PendingStepException pending:
                journal.Pending(new Problem(info.ToString(), pending.Message), pending);
                return result with { Status = StepStatus.Pending, Error = pending.Message };
            case ScenarioSkippedException skipped:
                journal.Skip(skipped.Reason, mainPhase: true);
                return result with { Status = StepStatus.Skipped, Error = $"Skipped: {skipped.Reason}" };
            default:
                var message = ErrorText.Of(error);
                journal.Fail(new Problem(where, message, (error as HookFailedException)?.InnerException?.StackTrace ?? error.StackTrace), error, mainPhase: true,
                    error is StepArgumentException or BindingException ? ScenarioExecutionStatus.BindingError : ScenarioExecutionStatus.TestError);
                return result with { Status = StepStatus.Failed, Error = message };
        }
    }

    private static MatchedArgument[] Arguments(StepMatch match) => [.. match.Arguments.Select(a => new MatchedArgument(a.Start, a.Value))];
}
