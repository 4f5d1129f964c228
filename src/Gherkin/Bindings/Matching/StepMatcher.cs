using System.Collections.Concurrent;
using ChaosFeatures.Gherkin.Bindings.Expressions;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Bindings.Matching;

/// <summary>
/// Finds the step definition for a step. Text matches are cached per (keyword type, text) because the
/// same steps recur across outline rows and mutations; scopes and arguments are then checked per case.
/// </summary>
internal sealed class StepMatcher(BindingRegistry registry)
{
    private readonly ConcurrentDictionary<(StepKeywordType, string), (StepDefinitionBinding Binding, CapturedArgument[] Args)[]> _textMatches = new();

    public StepMatch Match(TestCase testCase, CaseStep step)
    {
        var byText = _textMatches.GetOrAdd((step.KeywordType, step.Text), MatchText);
        if (byText.Length == 0)
            return StepMatch.Undefined;
        var inScope = byText
            .Select(c => (c.Binding, c.Args, Specificity: BindingScope.Match(c.Binding.Scopes, testCase)))
            .Where(c => c.Specificity >= 0)
            .ToList();
        if (inScope.Count == 0)
            return StepMatch.Undefined;
        var fitting = inScope.Where(c => c.Binding.TakesArgument == (step.Argument is not null)).ToList();
        if (fitting.Count == 0)
            return new StepMatch(StepMatchKind.ArgumentMismatch, null, [], [.. inScope.Select(c => c.Binding)]);
        var best = fitting.Max(c => c.Specificity);
        var winners = fitting.Where(c => c.Specificity == best).ToList();
        return winners.Count == 1
            ? new StepMatch(StepMatchKind.Found, winners[0].Binding, winners[0].Args, [])
            : new StepMatch(StepMatchKind.Ambiguous, null, [], [.. winners.Select(c => c.Binding)]);
    }

    private (StepDefinitionBinding, CapturedArgument[])[] MatchText((StepKeywordType Keyword, string Text) key)
    {
        var found = new List<(StepDefinitionBinding, CapturedArgument[])>();
        foreach (var binding in registry.StepDefinitions)
        {
            if (binding.Answers(key.Keyword) && binding.Expression.Match(key.Text) is { } args)
                found.Add((binding, args));
        }
        return [.. found];
    }
}
