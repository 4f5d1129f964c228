using ChaosFeatures.Tests.Shared;
using Xunit.Abstractions;

namespace ChaosFeatures.Reports.Tests;

/// <summary>
/// Reqnroll's NDJSON of our synthesized pickles judged by Cucumber's own packages, installed with npm into a temp folder: valid against the
/// JSON schema of <c>@cucumber/messages</c> at the version Reqnroll 3.3.4 writes (30.1.0), and renderable by <c>@cucumber/html-formatter</c>.
/// </summary>
[Collection(ReportsCollection.Name)]
[Trait("Category", "reports")]
public sealed class CucumberToolsTests(ReportsFixtureRun fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    private const string Install = "apt-get install -y nodejs npm";

    [RequiresToolFact(Install, "npm", "node")]
    public async Task Messages_are_valid_against_the_cucumber_schema_and_render_with_the_cucumber_html_formatter()
    {
        var (npm, node) = (Tool.Require("npm", Install), Tool.Require("node", Install));
        var work = Directory.CreateTempSubdirectory("chaos-reports-node-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Node")))
                File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
            var install = await Tool.RunAsync(npm, work, Bound, "install", "--no-audit", "--no-fund", "--loglevel=error");
            install.ExitCode.Should().Be(0, "npm must install the pinned Cucumber packages:\n" + install.Output);

            var messages = fixture.Report("cucumber-messages.ndjson");
            var validation = await Tool.RunAsync(node, work, Bound, "validate-messages.mjs", messages);
            output.WriteLine(validation.Output);
            validation.ExitCode.Should().Be(0, validation.Output);
            validation.Output.Should().Contain("@cucumber/messages 30.1.0").And.Contain(" 0 invalid");

            var rendered = Path.Combine(work, "cucumber.html");
            var render = await Tool.RunAsync(node, work, Bound, "render-html.mjs", messages, rendered);
            render.ExitCode.Should().Be(0, render.Output);
            File.ReadAllText(rendered).Should().Contain("<html").And.Contain("Download while the peer misbehaves");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
