using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Seeds;
using ChaosFeatures.Gherkin.Parsing;
using Ast = Gherkin.Ast;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>Builds the <see cref="TestCase"/> for one combination of one scenario variant: flattens the
/// mutation blocks, names it, then resolves fuzzed values from a seed tied to its id.</summary>
internal sealed class TestCaseFactory(ParsedFeature feature, Ast.Scenario scenario, RuleDescriptor? rule, ScenarioVariant variant, IReadOnlyList<string> tags, ulong generationSeed)
{
    private const string IgnoreTag = "ignore";

    public TestCase Create(IReadOnlyList<StepTemplate> templates, IReadOnlyList<IReadOnlyList<int>> chosenRows)
    {
        var flat = new List<(StepTemplate Step, int? BlockLine)>();
        var mutations = new List<MutationChoice>();
        foreach (var template in templates)
        {
            if (template.Block is not { } block)
            {
                flat.Add((template, null));
                continue;
            }
            var rows = chosenRows[mutations.Count];
            var alternatives = rows.Select(row => block.Alternatives[row]).ToList();
            mutations.Add(new MutationChoice(block.Line, block.Kind, rows, alternatives.Select(a => a.Text).ToList()));
            flat.AddRange(alternatives.Select(a => (template with { Text = a.Text, Line = a.Line, Block = null }, (int?)block.Line)));
        }

        var code = CombinationCode.Of(mutations);
        var name = Placeholders.Apply(scenario.Name, variant.Values);
        var id = CaseNaming.Id(feature.Path, scenario.Location.Line, variant.Row?.Index, code);

        // Each case draws from its own stream, so one case can be regenerated alone.
        var random = new Seed(generationSeed).For(id).Generator();
        var fuzzed = new List<FuzzedValue>();
        var steps = flat.Select(s => new CaseStep(
            s.Step.Keyword, s.Step.KeywordType, FuzzResolver.Resolve(s.Step.Text, s.Step.Line, random, fuzzed),
            s.Step.Text, s.Step.Line, s.Step.Argument, s.BlockLine)).ToList();

        return new TestCase(
            id, CaseNaming.DisplayName(feature.Descriptor.Title, name, variant.RowValues, code, mutations), feature.Descriptor,
            name, scenario.Location.Line, FeatureParser.Description(scenario.Description), rule, tags, variant.Row, code, mutations, fuzzed, steps,
            tags.Contains(IgnoreTag, StringComparer.OrdinalIgnoreCase) ? "Ignored with @ignore" : null);
    }
}
