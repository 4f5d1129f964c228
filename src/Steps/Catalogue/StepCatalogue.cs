using System.Reflection;
using System.Text;
using Reqnroll;

namespace ChaosFeatures.Steps.Catalogue;

/// <summary>
/// docs/steps.md, generated from the bindings: one section per binding class with a <see cref="StepTopicAttribute"/>,
/// each step's keyword and expression with its <see cref="StepExampleAttribute"/> line.
/// </summary>
public static class StepCatalogue
{
    public const string UpdateCommand = "UPDATE_STEP_CATALOGUE=1 dotnet test tests/Steps.Tests --filter StepCatalogue";

    /// <summary>A documented step: where it is defined, how it reads, and one example line.</summary>
    public sealed record Entry(MethodInfo Method, string Keyword, string Expression, string? Example);

    public static IReadOnlyList<(StepTopicAttribute Topic, IReadOnlyList<Entry> Steps)> Topics(Assembly assembly) =>
        [.. assembly.GetTypes()
            .Select(t => (Type: t, Topic: t.GetCustomAttribute<StepTopicAttribute>()))
            .Where(t => t.Topic is not null && t.Type.GetCustomAttribute<BindingAttribute>() is not null)
            .OrderBy(t => t.Topic!.Order)
            .Select(t => (t.Topic!, (IReadOnlyList<Entry>)[.. Entries(t.Type)]))];

    public static string Render(Assembly assembly)
    {
        var text = new StringBuilder();
        text.Append("# Step catalogue\n\n")
            .Append("The io step library (`src/Steps`), generated from its bindings; do not edit by hand. After changing a step, run\n")
            .Append("`").Append(UpdateCommand).Append("`.\n")
            .Append("Each step shows its Cucumber expression (`{string}` is a double-quoted name such as \"EP\") and one example line.\n")
            .Append("After every @io scenario, and any scenario that used these steps, tasks and peers are ended and checked: no orphan tasks,\n")
            .Append("no leaked sockets on the scenario's peer and proxy ports, no unobserved task exceptions. A failing case gets its\n")
            .Append("event timeline in the failure message; every case's events go to `chaos-results/<run-id>/events.jsonl`.\n");
        foreach (var (topic, steps) in Topics(assembly))
        {
            text.Append("\n## ").Append(topic.Title).Append("\n\n").Append(topic.Summary).Append("\n\n");
            foreach (var step in steps)
                text.Append("- `").Append(step.Keyword).Append(' ').Append(step.Expression).Append("`  \n")
                    .Append("  e.g. `").Append(step.Example ?? "(no example)").Append("`\n");
        }
        text.Append("\n## Outcomes\n\nHow a task's last transfer ended, as `the outcome of task \"C\" is ...` names it:\n\n");
        foreach (var (outcome, meaning) in OutcomeGlossary.Meanings.OrderBy(m => m.Key))
            text.Append("- `").Append(Harness.Clients.OutcomeClassifier.Name(outcome)).Append("`: ").Append(meaning).Append('\n');
        return text.ToString();
    }

    private static IEnumerable<Entry> Entries(Type type) =>
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        orderby method.MetadataToken
        from attribute in method.GetCustomAttributes<StepDefinitionBaseAttribute>()
        select new Entry(method, Keyword(attribute), attribute.Expression, method.GetCustomAttribute<StepExampleAttribute>()?.Example);

    private static string Keyword(StepDefinitionBaseAttribute attribute) => attribute switch
    {
        GivenAttribute => "Given",
        WhenAttribute => "When",
        ThenAttribute => "Then",
        _ => "Given/When/Then",
    };
}
