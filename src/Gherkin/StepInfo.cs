using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin;

/// <summary>The step a <see cref="ScenarioStepContext"/> is about, with Reqnroll's member names.</summary>
public sealed class StepInfo
{
    internal StepInfo(CaseStep step)
    {
        Step = step;
        StepDefinitionType = step.KeywordType switch
        {
            StepKeywordType.Given => StepDefinitionType.Given,
            StepKeywordType.When => StepDefinitionType.When,
            _ => StepDefinitionType.Then,
        };
    }

    public StepDefinitionType StepDefinitionType { get; }

    /// <summary>The step text after the keyword, mutation rows and fuzzed values already resolved.</summary>
    public string Text => Step.Text;

    /// <summary>The step's data table; null when it has none.</summary>
    public DataTable? Table => Step.Argument is TableArgument table ? DataTable.From(table) : null;

    /// <summary>The step's doc string; null when it has none.</summary>
    public string? MultilineText => (Step.Argument as DocStringArgument)?.Content;

    /// <summary>The expanded step itself: keyword as written and its line in the feature file.</summary>
    public CaseStep Step { get; }
}
