using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Seeds;
using ChaosFeatures.Gherkin.Parsing;
using Ast = Gherkin.Ast;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>One scenario -> its test cases: each Examples row x the (capped) mutation combinations.</summary>
internal sealed class ScenarioExpander(ParsedFeature feature, ExpansionScope scope, ExpansionOptions options)
{
    public IReadOnlyList<TestCase> Expand(Ast.Scenario scenario)
    {
        var scenarioTags = scenario.Tags.ToList();
        var scenarioCap = ChaosMaxTag.Find(scenarioTags) ?? scope.Cap;
        var steps = StepTemplates.From(scenario.Steps);

        var cases = new List<TestCase>();
        foreach (var variant in ScenarioVariant.Of(scenario))
        {
            var cap = Cap(ChaosMaxTag.Find(variant.ExamplesTags) ?? scenarioCap);
            var tags = feature.Feature.Tags.Concat(scope.RuleTags).Concat(scenarioTags).Concat(variant.ExamplesTags)
                .Select(tag => tag.Name.TrimStart('@')).Distinct().ToList();
            var templates = scope.Background.Concat(steps.Select(step => Placeholders.Apply(step, variant.Values))).ToList();
            var space = new CombinationSpace(templates.Where(t => t.Block is not null).Select(t => t.Block!).ToList());
            var seed = SamplingSeed(scenario.Name, variant.Row);
            var factory = new TestCaseFactory(feature, scenario, scope.Rule, variant, tags, options.GenerationSeed);
            foreach (var index in CombinationSampler.Choose(space.Count, cap, seed))
                cases.Add(factory.Create(templates, space.Decode(index)));
        }
        return cases;
    }

    private int Cap(int? tagCap) =>
        options.CapFromOptionsOverridesTags ? options.MaxCombinations : tagCap ?? options.MaxCombinations;

    // From the scenario's identity rather than its line, so edits elsewhere keep the same sample.
    private ulong SamplingSeed(string scenarioName, ExampleRow? row)
    {
        var identity = $"{feature.Path}::{scenarioName}" + (row is null ? "" : $"::r{row.Index}");
        return options.SamplingSeed is { } extra ? new Seed(extra).For(identity).Value : StableHash.Of(identity);
    }
}
