using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Parsing;
using Gherkin.CucumberMessages;
using Io.Cucumber.Messages.Types;
using StepKeywordType = ChaosFeatures.Gherkin.Model.StepKeywordType;
using TestCase = ChaosFeatures.Gherkin.Model.TestCase;

namespace ChaosFeatures.Gherkin.Messages;

/// <summary>
/// One feature's Cucumber messages for the cases a run will execute. Pickles are synthesized from the
/// expanded cases, not compiled from the file: a pickle holds exactly the steps its case runs (mutation
/// rows flattened, fuzzed values concrete), and its id is the case's stable id.
/// </summary>
internal static class FeatureMessagesBuilder
{
    public static FeatureMessageSet Build(ParsedFeature feature, IReadOnlyList<TestCase> cases)
    {
        var ids = new MessageIds(feature.Path);
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(feature.Document, feature.Path);
        var index = DocumentIndex.Of(document);
        var combinationRows = CombinationExamples.Add(index, cases, ids);
        var pickles = cases.Select(c => Pickle(c, index, combinationRows.GetValueOrDefault(c.Id), ids)).ToList();
        return new FeatureMessageSet(new Source(feature.Path, feature.Source, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN), document, pickles);
    }

    private static Pickle Pickle(TestCase testCase, DocumentIndex index, string? combinationRow, MessageIds ids)
    {
        var scenario = index.Scenarios[testCase.ScenarioLine];
        // As Cucumber does for an outline: the scenario, then the row this pickle stands for.
        var row = combinationRow ?? (testCase.Example is { } example ? index.RowIds[example.Line] : null);
        List<string> nodes = row is null ? [scenario.Id] : [scenario.Id, row];
        var steps = testCase.Steps.Select(step => Step(step, index, row, ids)).ToList();
        var tags = testCase.Tags.Select(t => new PickleTag("@" + t, index.TagIds.GetValueOrDefault("@" + t, scenario.Id))).ToList();
        return new Pickle(testCase.Id, testCase.Feature.Path, testCase.ScenarioName, testCase.Feature.Language, steps, tags, nodes);
    }

    private static PickleStep Step(CaseStep step, DocumentIndex index, string? row, MessageIds ids)
    {
        // A chosen mutation row points at its block step and table row, as an outline step points at its Examples row.
        List<string> nodes = step.MutationBlockLine is { } block ? [index.StepIds[block], index.RowIds[step.Line]] : [index.StepIds[step.Line]];
        if (row is not null)
            nodes.Add(row);
        return new PickleStep(Argument(step.Argument), nodes, ids.GetNewId(), Type(step.KeywordType), step.Text);
    }

    private static PickleStepArgument? Argument(StepArgument? argument) => argument switch
    {
        TableArgument table => PickleStepArgument.Create(new PickleTable(
            [.. table.Rows.Select(r => new PickleTableRow([.. r.Select(cell => new PickleTableCell(cell))]))])),
        DocStringArgument doc => PickleStepArgument.Create(new PickleDocString(doc.MediaType, doc.Content)),
        _ => null,
    };

    private static PickleStepType Type(StepKeywordType type) => type switch
    {
        StepKeywordType.Given => PickleStepType.CONTEXT,
        StepKeywordType.When => PickleStepType.ACTION,
        _ => PickleStepType.OUTCOME,
    };
}
