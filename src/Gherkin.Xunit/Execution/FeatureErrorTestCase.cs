using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using ChaosFeatures.Gherkin.Running;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChaosFeatures.Gherkin.Xunit.Execution;

/// <summary>
/// A feature file (or the suite itself) that could not be turned into test cases, reported as a
/// failing test so that the run goes red instead of silently missing scenarios. It carries the
/// tags it could salvage from the file so <c>--filter Category=...</c> still selects it.
/// </summary>
public sealed class FeatureErrorTestCase : XunitTestCase
{
    private string _location = "";
    private string _message = "";
    private string[] _tags = [];

    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public FeatureErrorTestCase() { }

    internal FeatureErrorTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options,
        ITestMethod testMethod, string location, string message, IReadOnlyList<string> tags)
        : base(sink, display, options, testMethod)
    {
        _location = location;
        _message = message;
        _tags = [.. tags];
    }

    protected override void Initialize()
    {
        base.Initialize();
        DisplayName = $"Feature error: {_location}";
        Traits["Category"] = [.. _tags, "feature-error"];
    }

    protected override string GetUniqueID() =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"error|{_location}|{_message}")));

    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus,
        object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource) =>
        Task.FromResult(ResultReporter.Report(messageBus, this,
            CaseResult.Failed($"{_location}: {_message}", "ChaosFeatures.Gherkin.FeatureLoadError"), cancellationTokenSource));

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("Location", _location);
        data.AddValue("Message", _message);
        data.AddValue("Tags", string.Join(" ", _tags));
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        _location = data.GetValue<string>("Location");
        _message = data.GetValue<string>("Message");
        _tags = data.GetValue<string>("Tags").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        base.Deserialize(data);
    }
}
