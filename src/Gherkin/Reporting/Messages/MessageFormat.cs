using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChaosFeatures.Gherkin.Bindings;
using ChaosFeatures.Gherkin.Reporting.Recording;

namespace ChaosFeatures.Gherkin.Reporting.Messages;

/// <summary>
/// Cucumber Messages as NDJSON (one envelope per line), in the order Cucumber implementations emit them:
/// meta; per feature source, gherkinDocument and pickles (every case of the suite, run or not); parse
/// errors; step definitions and hooks; testRunStarted; each finished case; testRunFinished.
/// </summary>
public sealed class MessageFormat : IReportFormat
{
    /// <summary>The <c>@cucumber/messages</c> version whose JSON schema this output is written to and validated against.</summary>
    public const string ProtocolVersion = "34.2.1";

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => "message";

    public string DefaultOutputPath => "reports/cucumber-messages.ndjson";

    public void Write(RecordedRun run, Stream output)
    {
        using var writer = new StreamWriter(output, leaveOpen: true) { NewLine = "\n" };
        foreach (var envelope in Envelopes(run))
            writer.WriteLine(envelope.ToJsonString(Compact));
    }

    public static IEnumerable<JsonObject> Envelopes(RecordedRun run)
    {
        yield return Json.Envelope("meta", Meta());
        var suite = run.Suite;
        foreach (var feature in suite.Features)
        {
            var builder = new GherkinDocumentBuilder(feature.Path, suite.Sources[feature.Path]);
            yield return Json.Envelope("source", Json.Object(
                ("uri", feature.Path), ("data", suite.Sources[feature.Path]), ("mediaType", "text/x.cucumber.gherkin+plain")));
            yield return Json.Envelope("gherkinDocument", builder.Build(suite.Documents[feature.Path]));
            foreach (var testCase in suite.TestCases.Where(c => c.Feature.Path == feature.Path))
                yield return Json.Envelope("pickle", PickleBuilder.Build(testCase, builder.Index));
        }
        foreach (var error in suite.Errors)
            yield return Json.Envelope("parseError", Json.Object(
                ("source", Json.Object(("uri", error.FeaturePath), ("location", Json.Location(error.Line, error.Column)))),
                ("message", error.Message)));
        foreach (var definition in run.StepDefinitions)
            yield return Json.Envelope("stepDefinition", Json.Object(
                ("id", definition.Id),
                ("pattern", Json.Object(
                    ("source", definition.Expression),
                    ("type", definition.ExpressionType == ExpressionType.RegularExpression ? "REGULAR_EXPRESSION" : "CUCUMBER_EXPRESSION"))),
                ("sourceReference", MethodReference(definition.MethodName))));
        foreach (var hook in run.Hooks)
            yield return Json.Envelope("hook", Json.Object(
                ("id", hook.Id),
                ("name", hook.MethodName),
                ("sourceReference", MethodReference(hook.MethodName)),
                ("tagExpression", hook.Tags.Count == 0 ? null : string.Join(" or ", hook.Tags.Select(t => "@" + t))),
                ("type", HookType(hook.HookType))));
        yield return Json.Envelope("testRunStarted", Json.Object(("timestamp", Json.Timestamp(run.Started)), ("id", MessageIds.TestRunStarted)));
        foreach (var envelope in run.Cases.SelectMany(TestCaseMessages.Build))
            yield return envelope;
        yield return Json.Envelope("testRunFinished", Json.Object(
            ("success", run.Success), ("timestamp", Json.Timestamp(run.Finished)), ("testRunStartedId", MessageIds.TestRunStarted)));
    }

    private static JsonObject Meta() => Json.Object(
        ("protocolVersion", ProtocolVersion),
        ("implementation", Product("ChaosFeatures.Gherkin",
            typeof(MessageFormat).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion)),
        ("runtime", Product(".NET", Environment.Version.ToString())),
        ("os", Product(RuntimeInformation.OSDescription, null)),
        ("cpu", Product(RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(), null)));

    private static JsonObject Product(string name, string? version) => Json.Object(("name", name), ("version", version));

    // Messages know Java methods and file positions; a .NET method fits the Java shape (class + method name).
    private static JsonObject MethodReference(string methodName)
    {
        var dot = methodName.LastIndexOf('.');
        return Json.Object(("javaMethod", Json.Object(
            ("className", dot < 0 ? "" : methodName[..dot]),
            ("methodName", methodName[(dot + 1)..]),
            ("methodParameterTypes", new JsonArray()))));
    }

    private static string? HookType(HookType type) => type switch
    {
        Bindings.HookType.BeforeTestRun => "BEFORE_TEST_RUN",
        Bindings.HookType.AfterTestRun => "AFTER_TEST_RUN",
        Bindings.HookType.BeforeScenario => "BEFORE_TEST_CASE",
        Bindings.HookType.AfterScenario => "AFTER_TEST_CASE",
        Bindings.HookType.BeforeStep => "BEFORE_TEST_STEP",
        Bindings.HookType.AfterStep => "AFTER_TEST_STEP",
        _ => null, // feature hooks have no Cucumber counterpart
    };
}
