using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Parsing;
using Ast = Gherkin.Ast;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>
/// A parsed feature -> test cases, scenario by scenario in file order, the scenarios of each <c>Rule:</c>
/// where the rule stands (a rule's Background runs after the feature's). A broken scenario becomes an
/// error and its neighbours still expand; a broken background or tag stops its feature or rule.
/// </summary>
internal static class FeatureExpander
{
    public static FeatureExpansion Expand(ParsedFeature feature, ExpansionOptions options)
    {
        var cases = new List<TestCase>();
        var errors = new List<FeatureLoadError>();
        try
        {
            var scope = new ExpansionScope(ChaosMaxTag.Find(feature.Feature.Tags), BackgroundOf(feature.Feature.Children), null, []);
            ExpandChildren(feature, feature.Feature.Children, scope, options, cases, errors);
        }
        catch (ExpansionException e)
        {
            return new FeatureExpansion([], [ToError(feature, e)]);
        }
        return new FeatureExpansion(cases, errors);
    }

    private static void ExpandChildren(ParsedFeature feature, IEnumerable<Ast.IHasLocation> children, ExpansionScope scope,
        ExpansionOptions options, List<TestCase> cases, List<FeatureLoadError> errors)
    {
        var expander = new ScenarioExpander(feature, scope, options);
        foreach (var child in children)
        {
            try
            {
                switch (child)
                {
                    case Ast.Scenario scenario:
                        cases.AddRange(expander.Expand(scenario));
                        break;
                    case Ast.Rule rule:
                        ExpandChildren(feature, rule.Children, RuleScope(scope, rule), options, cases, errors);
                        break;
                }
            }
            catch (ExpansionException e)
            {
                errors.Add(ToError(feature, e));
            }
        }
    }

    private static ExpansionScope RuleScope(ExpansionScope feature, Ast.Rule rule)
    {
        var descriptor = new RuleDescriptor(rule.Name, FeatureParser.Description(rule.Description), rule.Location.Line,
            [.. rule.Tags.Select(t => t.Name.TrimStart('@'))]);
        return new ExpansionScope(ChaosMaxTag.Find(rule.Tags) ?? feature.Cap, [.. feature.Background, .. BackgroundOf(rule.Children)],
            descriptor, [.. rule.Tags]);
    }

    private static IReadOnlyList<StepTemplate> BackgroundOf(IEnumerable<Ast.IHasLocation> children) =>
        children.OfType<Ast.Background>().FirstOrDefault() is { } background ? StepTemplates.From(background.Steps) : [];

    private static FeatureLoadError ToError(ParsedFeature feature, ExpansionException e) =>
        new(feature.Path, e.Line, e.Column, e.Message);
}

/// <summary>What a scenario inherits from where it stands: the cap, the background steps and the rule (with its tags).</summary>
internal sealed record ExpansionScope(int? Cap, IReadOnlyList<StepTemplate> Background, RuleDescriptor? Rule, IReadOnlyList<Ast.Tag> RuleTags);
