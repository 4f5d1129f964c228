using ChaosFeatures.Gherkin.Model;
using Reqnroll;

namespace ChaosFeatures.Gherkin.Running;

/// <summary>One case step as generated code-behind would call it: by its resolved keyword type, with its keyword as written.</summary>
internal static class StepCalls
{
    public static Task CallAsync(ITestRunner runner, CaseStep step)
    {
        var table = step.Argument is TableArgument rows ? Table(rows) : null;
        var docString = (step.Argument as DocStringArgument)?.Content;
        return step.KeywordType switch
        {
            StepKeywordType.Given => runner.GivenAsync(step.Text, docString, table, step.Keyword),
            StepKeywordType.When => runner.WhenAsync(step.Text, docString, table, step.Keyword),
            _ => runner.ThenAsync(step.Text, docString, table, step.Keyword),
        };
    }

    private static Table Table(TableArgument argument)
    {
        var table = new Table([.. argument.Rows[0]]);
        foreach (var row in argument.Rows.Skip(1))
            table.AddRow([.. row]);
        return table;
    }
}
