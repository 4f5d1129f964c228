using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Reporting.Results;

namespace ChaosFeatures.Gherkin.Reporting.JUnit;

/// <summary>
/// JUnit XML in the shape CI tools read (Jenkins, GitLab, GitHub actions, Azure): one <c>testsuite</c> per
/// feature, one <c>testcase</c> per case that ran (classname = feature title, name = display name), a
/// <c>failure</c> whose text is the full failure message (timeline and freeze command included), a
/// <c>skipped</c> with its reason. Feature files that failed to load are failing cases of their own,
/// as they are in the test run. Built from the run's Cucumber messages.
/// </summary>
internal static class JUnitXml
{
    public static void Write(MessageRun run, IReadOnlyList<FeatureLoadError> errors, Stream output)
    {
        var suites = run.Outcomes().GroupBy(c => c.Case.Feature.Path, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Suite(g.First().Case.Feature.Title, g.Key, g.Select(Case).ToList(), run.Started))
            .ToList();
        if (errors.Count > 0)
            suites.Add(Suite("Feature errors", null, errors.Select(LoadError).ToList(), run.Started));

        var root = new XElement("testsuites",
            new XAttribute("name", "ChaosFeatures"),
            Counts(suites.SelectMany(s => s.Elements("testcase")).ToList()),
            new XAttribute("time", Seconds(run.Finished - run.Started)),
            new XAttribute("timestamp", Timestamp(run.Started)),
            suites);
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = false });
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
    }

    private static XElement Suite(string name, string? file, IReadOnlyList<XElement> cases, DateTimeOffset started) =>
        new("testsuite",
            new XAttribute("name", name),
            Counts(cases),
            new XAttribute("time", Seconds(TimeSpan.FromSeconds(cases.Sum(c => (double)c.Attribute("time")!)))),
            new XAttribute("timestamp", Timestamp(started)),
            file is null ? null : new XAttribute("file", file),
            cases);

    private static XElement Case(CaseOutcome outcome)
    {
        var testCase = outcome.Case;
        return new XElement("testcase",
            Identity(testCase.Feature.Title, testCase.DisplayName, testCase.Feature.Path),
            new XAttribute("time", Seconds(outcome.Duration)),
            outcome.Status switch
            {
                "failed" => Failure(outcome.Message ?? "failed"),
                "skipped" => new XElement("skipped", new XAttribute("message", Clean(outcome.SkipReason ?? "skipped"))),
                _ => null,
            },
            outcome.Logs.Count == 0 ? null : new XElement("system-out", Clean(string.Join("\n", outcome.Logs))));
    }

    private static XElement LoadError(FeatureLoadError error) =>
        new("testcase",
            Identity(error.FeaturePath, $"Feature error: {error}", error.FeaturePath),
            new XAttribute("time", Seconds(TimeSpan.Zero)),
            Failure(error.ToString()));

    private static object[] Identity(string classname, string name, string file) =>
        [new XAttribute("classname", Clean(classname)), new XAttribute("name", Clean(name)), new XAttribute("file", file)];

    /// <summary>CI tools show the attribute as the headline and the text as the details.</summary>
    private static XElement Failure(string message) =>
        new("failure",
            new XAttribute("message", Clean(message.Split('\n')[0].TrimEnd('\r'))),
            new XAttribute("type", "ScenarioFailure"),
            Clean(message));

    private static object[] Counts(IReadOnlyList<XElement> cases) =>
    [
        new XAttribute("tests", cases.Count),
        new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
        new XAttribute("errors", 0),
        new XAttribute("skipped", cases.Count(c => c.Element("skipped") is not null)),
    ];

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    // Failure texts can carry bytes from the wire; XML 1.0 cannot hold most control characters, so they are shown escaped.
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c.ToString() : $"\\u{(int)c:x4}");
        return builder.ToString();
    }
}
