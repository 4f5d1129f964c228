using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Parsing;
using Ast = Gherkin.Ast;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>
/// A parsed feature -> test cases, scenario by scenario in file order. A broken scenario becomes an
/// error and its neighbours still expand; a broken background or feature tag stops the whole feature.
/// </summary>
internal static class FeatureExpander
{
    public static FeatureExpansion Expand(ParsedFeature feature, ExpansionOptions options)
    {
        var children = feature.Feature.Children.ToList();
        IReadOnlyList<StepTemplate> background;
        int? featureCap;
        try
        {
            featureCap = ChaosMaxTag.Find(feature.Feature.Tags);
            background = children.OfType<Ast.Background>().FirstOrDefault() is { } b
                ? StepTemplates.From(b.Steps, feature.Dialect)
                : [];
        }
        catch (ExpansionException e)
        {
            return new FeatureExpansion([], [ToError(feature, e)]);
        }

        var expander = new ScenarioExpander(feature, background, featureCap, options);
        var cases = new List<TestCase>();
        var errors = new List<FeatureLoadError>();
        foreach (var scenario in children.Where(child => child is not Ast.Background))
        {
            try
            {
                cases.AddRange(expander.Expand(scenario));
            }
            catch (ExpansionException e)
            {
                errors.Add(ToError(feature, e));
            }
        }
        return new FeatureExpansion(cases, errors);
    }

    private static FeatureLoadError ToError(ParsedFeature feature, ExpansionException e) =>
        new(feature.Path, e.Line, e.Column, e.Message);
}
