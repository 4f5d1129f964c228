using System.Collections.Concurrent;
using System.Globalization;
using Reqnroll.Bindings;
using Reqnroll.ErrorHandling;
using Reqnroll.Infrastructure;

namespace ChaosFeatures.Gherkin.Reqnroll;

/// <summary>
/// Reqnroll's step matching, remembered for the run: a step that matched exactly one binding is given the same match
/// the next time the same text runs in the same language, in any case of the suite.
/// </summary>
/// <remarks>
/// Reqnroll matches every step, every time it runs, against every binding of its keyword: one regex each, a
/// conversion check of each match's arguments, and an <c>[Obsolete]</c> lookup that instantiates all the matched
/// method's attributes. With the step library's 219 bindings that is a sizeable part of a trivial scenario, paid
/// again by each of a suite's thousands of cases for the same few hundred texts. What decides a match is fixed once
/// the registry is built, except where a <c>[Scope]</c> makes it depend on the feature, scenario and tags: in a suite
/// with a scoped binding those belong to what is remembered. A step with a doc string or table carries that
/// argument in its match and is matched afresh; an undefined or ambiguous step is never remembered, so its error is
/// Reqnroll's own each time.
/// </remarks>
internal sealed class RememberedStepMatches(
    IBindingRegistry bindingRegistry,
    IStepArgumentTypeConverter stepArgumentTypeConverter,
    IErrorProvider errorProvider,
    IMatchArgumentCalculator matchArgumentCalculator,
    RememberedStepMatches.Memory memory)
    : StepDefinitionMatchService(bindingRegistry, stepArgumentTypeConverter, errorProvider, matchArgumentCalculator), IStepDefinitionMatchService
{
    public new BindingMatch GetBestMatch(StepInstance stepInstance, CultureInfo bindingCulture,
        out StepDefinitionAmbiguityReason ambiguityReason, out List<BindingMatch> candidatingMatches)
    {
        if (stepInstance.MultilineTextArgument is not null || stepInstance.TableArgument is not null)
            return base.GetBestMatch(stepInstance, bindingCulture, out ambiguityReason, out candidatingMatches);

        var key = new StepKey(stepInstance.StepDefinitionType, stepInstance.Text, bindingCulture.Name, memory.AnyScoped ? ScopeOf(stepInstance.StepContext) : null);
        if (!memory.Matches.TryGetValue(key, out var match))
        {
            match = base.GetBestMatch(stepInstance, bindingCulture, out ambiguityReason, out candidatingMatches);
            if (match.Success && ambiguityReason == StepDefinitionAmbiguityReason.None)
                memory.Matches.TryAdd(key, match);
            return match;
        }
        ambiguityReason = StepDefinitionAmbiguityReason.None;
        candidatingMatches = [match];
        return match;
    }

    /// <summary>What a <c>[Scope]</c> is matched against (Reqnroll's <c>BindingScope.Match</c>).</summary>
    private static string ScopeOf(StepContext? context) => context is null ? "" : $"{context.FeatureTitle}\n{context.ScenarioTitle}\n{string.Join('\n', context.Tags)}";

    /// <param name="Scope">The feature, scenario and tags, in a suite with a scoped binding; otherwise null.</param>
    internal readonly record struct StepKey(StepDefinitionType Type, string Text, string Culture, string? Scope);

    /// <summary>The run's remembered matches, shared by its test threads (one per global container).</summary>
    internal sealed class Memory(IBindingRegistry registry)
    {
        private bool? _anyScoped;

        internal ConcurrentDictionary<StepKey, BindingMatch> Matches { get; } = new();

        /// <summary>Whether a binding is scoped; asked when the first step runs, once the registry is complete.</summary>
        internal bool AnyScoped => _anyScoped ??= registry.GetStepDefinitions().Any(b => b.IsScoped);
    }
}
