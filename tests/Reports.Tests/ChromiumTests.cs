using ChaosFeatures.Tests.Shared;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ChaosFeatures.Reports.Tests;

/// <summary>
/// Our HTML report in headless Chromium, offline: the page script runs to the end with no error, no
/// console error and no blocked fetch. A probe injected first records those into the DOM, which
/// Chromium then dumps; the probe is itself checked on a page that throws on purpose.
/// </summary>
[Collection(ReportsCollection.Name)]
[Trait("Category", "reports")]
public sealed partial class ChromiumTests(ReportsFixtureRun fixture, ITestOutputHelper output)
{
    private const string Probe = """
        <script>
        (function () {
          function record(what) {
            var root = document.documentElement;
            root.setAttribute('data-js-errors', (root.getAttribute('data-js-errors') || '') + what + ' | ');
          }
          window.addEventListener('error', function (e) { record('error: ' + e.message); });
          document.addEventListener('securitypolicyviolation', function (e) { record('blocked: ' + e.violatedDirective + ' ' + e.blockedURI); });
          var consoleError = console.error;
          console.error = function () { record('console: ' + Array.prototype.join.call(arguments, ' ')); consoleError.apply(console, arguments); };
        })();
        </script>
        """;

    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private const string Install = "apt-get install -y --no-install-recommends chromium";

    [RequiresToolFact(Install, "chromium")]
    public async Task The_report_runs_without_errors_and_shows_the_matrix()
    {
        var chromium = Tool.Require("chromium", Install);
        var work = Directory.CreateTempSubdirectory("chaos-reports-chromium-").FullName;
        try
        {
            var broken = Path.Combine(work, "broken.html");
            File.WriteAllText(broken, $"<!DOCTYPE html><html><head>{Probe}</head><body><script>notDefined();</script></body></html>");
            Errors(await DumpDomAsync(chromium, work, broken)).Should().Contain("notDefined", "the probe must catch errors, or its silence means nothing");

            var page = Path.Combine(work, "report.html");
            File.WriteAllText(page, File.ReadAllText(fixture.Report("chaos-report.html")).Replace("<head>", "<head>" + Probe));
            var dom = await DumpDomAsync(chromium, work, page);

            Errors(dom).Should().BeEmpty();
            dom.Should().Contain("data-ready=\"true\"", "the page script must run to its end");
            dom.Should().Contain("<section id=\"matrix\">").And.MatchRegex("<td class=\"cell failed\"");

            var screenshot = Path.Combine(fixture.RepoRoot, "reports", "chaos-report.png");
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            var shot = await Tool.RunAsync(chromium, work, Bound, [.. Flags(work), "--hide-scrollbars", "--window-size=1400,1600", $"--screenshot={screenshot}", new Uri(page).AbsoluteUri]);
            shot.ExitCode.Should().Be(0, shot.Output);
            new FileInfo(screenshot).Length.Should().BeGreaterThan(10_000);
            output.WriteLine($"screenshot: {screenshot}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Reqnroll's official report (Cucumber's React viewer) renders from the messages: each mutation combination
    /// is an Examples row of its own, shown with the concrete steps it ran (fuzzed values drawn).
    /// </summary>
    [RequiresToolFact(Install, "chromium")]
    public async Task The_cucumber_report_opens_offline_and_shows_each_combination_with_its_steps()
    {
        var chromium = Tool.Require("chromium", Install);
        var work = Directory.CreateTempSubdirectory("chaos-reports-chromium-").FullName;
        try
        {
            var page = Path.Combine(work, "cucumber.html");
            File.WriteAllText(page, File.ReadAllText(fixture.Report("cucumber-report.html")).Replace("<head>", "<head>" + Probe));

            var dom = await DumpDomAsync(chromium, work, page);
            var shown = VisibleText(dom);

            Errors(dom).Should().BeEmpty();
            shown.Should().Contain("Scenario: Download while the peer misbehaves").And.Contain("Examples: Combinations");
            for (var row = 1; row <= 9; row++)
                shown.Should().Contain($"#1.{row} Given a peer on loopback serving 256 bytes", "every one of the 3 x 3 combinations is its own entry");
            shown.Should().MatchRegex(@"Given the peer sends slices of [1-4] bytes", "a combination shows its fuzzed value drawn")
                .And.NotContain("slices of 1..4 bytes Given").And.Contain("When task \" K \" cancels the download after 1 ms")
                .And.Contain("expected outcome completed, got reset after 100 of 256 bytes");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>What a reader sees: the page's text without its scripts (the viewer embeds the messages in one).</summary>
    private static string VisibleText(string dom)
    {
        var text = Regex.Replace(dom, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline);
        text = Regex.Replace(text, "<[^>]+>", " ");
        return Regex.Replace(System.Net.WebUtility.HtmlDecode(text), @"\s+", " ");
    }

    private static async Task<string> DumpDomAsync(string chromium, string work, string page)
    {
        // The viewer renders with React after load; a virtual time budget lets it finish before the dump.
        var dump = await Tool.RunAsync(chromium, work, Bound, [.. Flags(work), "--virtual-time-budget=10000", "--dump-dom", new Uri(page).AbsoluteUri]);
        dump.ExitCode.Should().Be(0, dump.Output);
        return dump.Output;
    }

    private static string[] Flags(string work) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", $"--user-data-dir={Path.Combine(work, "profile")}",
    ];

    private static string Errors(string dom) => ErrorsAttribute().Match(dom) is { Success: true } m ? m.Groups[1].Value : "";

    [GeneratedRegex("data-js-errors=\"([^\"]*)\"")]
    private static partial Regex ErrorsAttribute();
}
