using ChaosFeatures.Gherkin.Model;
using Io.Cucumber.Messages.Types;
using StepKeywordType = ChaosFeatures.Gherkin.Model.StepKeywordType;
using TestCase = ChaosFeatures.Gherkin.Model.TestCase;

namespace ChaosFeatures.Gherkin.Reporting.Results;

/// <summary>
/// A case rebuilt from the Cucumber messages alone (its pickle and the Gherkin document of its feature), for a stream
/// read without the features it ran from: a nightly's merged stream, on a machine that has only the artifacts. Our
/// pickles hold exactly the steps a case ran, and a mutation step points at its block step and table row, so the
/// reports get the same case as from the suite; what the messages do not carry (fuzzed values, the rule) is left empty.
/// </summary>
internal static class PickleCase
{
    public static TestCase From(Pickle pickle, DocumentNodes? document)
    {
        var feature = document?.Feature;
        var descriptor = new FeatureDescriptor(pickle.Uri, "", feature?.Name ?? pickle.Uri, Parsing.FeatureParser.Description(feature?.Description),
            [.. feature?.Tags.Select(t => t.Name.TrimStart('@')) ?? []], pickle.Language);
        var scenario = pickle.AstNodeIds.Count > 0 ? document?.Scenario(pickle.AstNodeIds[0]) : null;
        var row = pickle.AstNodeIds.Count > 1 ? document?.ExamplesRow(pickle.AstNodeIds[1]) : null;
        var steps = pickle.Steps.Select(s => Step(s, document)).ToList();
        var tags = pickle.Tags.Select(t => t.Name.TrimStart('@')).ToList();
        return new TestCase(pickle.Id, DisplayName(descriptor.Title, pickle.Name, row), descriptor, pickle.Name,
            (int)(scenario?.Location.Line ?? 0), Parsing.FeatureParser.Description(scenario?.Description), null, tags, null, null, [], [], steps,
            tags.Contains("ignore", StringComparer.OrdinalIgnoreCase) ? "Ignored with @ignore" : null);
    }

    /// <summary>As the suite names a case: the Examples values, then the combination cell (<c>code: words</c>) our messages add.</summary>
    private static string DisplayName(string feature, string scenario, (IReadOnlyList<string> Header, IReadOnlyList<string> Values)? row)
    {
        var name = $"{feature}: {scenario}";
        if (row is null || row.Value.Values.Count == 0)
            return name;
        var (header, values) = row.Value;
        var combination = header.Count > 0 && header[^1] == Gherkin.Messages.CombinationExamples.Column;
        var examples = combination ? values.Take(values.Count - 1).ToList() : values;
        var parts = new List<string>();
        if (examples.Count > 0)
            parts.Add(string.Join(", ", examples));
        if (combination)
            parts.Add(values[^1]);
        return $"{name} [{string.Join(" / ", parts)}]";
    }

    private static CaseStep Step(PickleStep step, DocumentNodes? document)
    {
        var type = step.Type switch
        {
            PickleStepType.ACTION => StepKeywordType.When,
            PickleStepType.OUTCOME => StepKeywordType.Then,
            _ => StepKeywordType.Given,
        };
        var written = step.AstNodeIds.Count > 0 ? document?.Step(step.AstNodeIds[0]) : null;
        // A step drawn from a one of/any of block points at the block step and at the table row it took.
        var mutationRow = written is not null && step.AstNodeIds.Count > 1 ? written.DataTable?.Rows.FirstOrDefault(r => r.Id == step.AstNodeIds[1]) : null;
        if (written is null)
            return new CaseStep("* ", type, step.Text, step.Text, 0, null, null);
        return mutationRow is not null
            ? new CaseStep(written.Keyword, type, step.Text, mutationRow.Cells.FirstOrDefault()?.Value ?? step.Text, (int)mutationRow.Location.Line, null, (int)written.Location.Line)
            : new CaseStep(written.Keyword, type, step.Text, written.Text, (int)written.Location.Line, null, null);
    }
}
