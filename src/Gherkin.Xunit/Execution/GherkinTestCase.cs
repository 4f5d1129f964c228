using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Model;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChaosFeatures.Gherkin.Xunit.Execution;

/// <summary>
/// One expanded Gherkin test case as an xUnit test. It travels between discovery and execution
/// as (suite root, paths, case id) and finds its <see cref="TestCase"/> again in the process's
/// <see cref="SuiteSession"/>.
/// </summary>
public sealed class GherkinTestCase : XunitTestCase
{
    private string _root = "";
    private string[] _paths = [];
    private string _caseId = "";
    private TestCase? _case;

    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public GherkinTestCase() { }

    internal GherkinTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options,
        ITestMethod testMethod, string root, IReadOnlyList<string> paths, TestCase testCase)
        : base(sink, display, options, testMethod)
    {
        _root = root;
        _paths = [.. paths];
        _caseId = testCase.Id;
        _case = testCase;
    }

    public string CaseId => _caseId;

    /// <summary>Repo-relative feature path: the unit of serial execution and of [AfterFeature].</summary>
    public string FeaturePath => Case?.Feature.Path ?? "";

    /// <summary>Position in the expanded suite: features sorted by path, scenarios in file order.</summary>
    internal int SuiteIndex => Case is { } c ? Session.IndexOf(c) : int.MaxValue;

    private SuiteSession Session => SuiteSession.For(_root, _paths, TestMethod.TestClass.Class.ToRuntimeType().Assembly);

    private TestCase? Case => _case ??= Session.Find(_caseId);

    protected override void Initialize()
    {
        base.Initialize();
        var testCase = Case;
        if (testCase is null)
        {
            DisplayName = _caseId;
            return;
        }
        DisplayName = testCase.DisplayName;
        SkipReason = testCase.IgnoreReason;
        Traits["Category"] = [.. testCase.Tags];
        Traits["FeatureTitle"] = [testCase.Feature.Title];
    }

    protected override string GetUniqueID()
    {
        var identity = $"{TestMethod.TestClass.TestCollection.TestAssembly.Assembly.Name}|{_root}|{_caseId}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    public override async Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus,
        object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        var testCase = Case;
        Verdict verdict;
        try
        {
            verdict = testCase is null
                ? Verdict.Failed($"Test case '{_caseId}' no longer exists in the features; re-run discovery")
                : ToVerdict(await Iterations.RunAsync(Session.Run, testCase, Iterations.Count, cancellationTokenSource.Token));
        }
        catch (InvalidOperationException e)
        {
            // A bad setting (CHAOS_ITERATIONS, a binding assembly that won't load): one clear line per test.
            verdict = Verdict.Failed(e.Message);
        }
        return ResultReporter.Report(messageBus, this, verdict, cancellationTokenSource);
    }

    private static Verdict ToVerdict(TestCaseResult result) => result.Status switch
    {
        TestCaseStatus.Passed => new Verdict(VerdictKind.Passed, result.Duration, "", Lines(result.Output), "", null),
        TestCaseStatus.Skipped => Verdict.Skipped(result.SkipReason ?? "skipped"),
        _ => Verdict.Failed(result.Message ?? "failed", stackTrace: result.StackTrace, duration: result.Duration, output: Lines(result.Output)),
    };

    private static string Lines(IReadOnlyList<string> output) => output.Count == 0 ? "" : string.Join(Environment.NewLine, output) + Environment.NewLine;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("Root", _root);
        data.AddValue("Paths", string.Join("\n", _paths));
        data.AddValue("CaseId", _caseId);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _root = data.GetValue<string>("Root");
        _paths = data.GetValue<string>("Paths").Split('\n');
        _caseId = data.GetValue<string>("CaseId");
        base.Deserialize(data);
    }
}
