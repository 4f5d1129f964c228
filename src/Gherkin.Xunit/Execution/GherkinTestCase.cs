using System.ComponentModel;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Running;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChaosFeatures.Gherkin.Xunit.Execution;

/// <summary>
/// One expanded Gherkin case as an xUnit test. It travels between discovery and execution as (suite root,
/// paths, case id) and finds its <see cref="TestCase"/> again in the process's <see cref="SuiteSession"/>.
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

    internal Assembly RuntimeAssembly => TestMethod.TestClass.Class.ToRuntimeType().Assembly;

    internal SuiteSession Session => SuiteSession.For(RuntimeAssembly, _root, _paths);

    internal TestCase? Case => _case ??= Session.Suite.Find(_caseId);

    /// <summary>Position in the expanded suite: features sorted by path, scenarios in file order.</summary>
    internal int SuiteIndex => Session.Suite.IndexOf(_caseId);

    protected override void Initialize()
    {
        base.Initialize();
        if (Case is not { } testCase)
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
        CaseResult result;
        try
        {
            var session = Session;
            result = Case is not { } testCase ? CaseResult.Failed($"Test case '{_caseId}' no longer exists in the features; re-run discovery")
                : session.Run is not { } run ? CaseResult.Failed(session.RunError ?? "The Reqnroll test run was not started for this assembly")
                : await Iterations.RunAsync(run, testCase, Iterations.Parse(Environment.GetEnvironmentVariable(Iterations.Variable)), cancellationTokenSource.Token);
        }
        catch (ConfigurationException e)
        {
            // A bad setting (CHAOS_ITERATIONS, a suite that no longer loads): one clear line per test.
            result = CaseResult.Failed(e.Message);
        }
        return ResultReporter.Report(messageBus, this, result, cancellationTokenSource);
    }

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
