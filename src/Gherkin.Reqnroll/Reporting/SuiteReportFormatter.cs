using ChaosFeatures.Gherkin.Reporting.Results;
using Reqnroll.Formatters;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Formatters.RuntimeSupport;

namespace ChaosFeatures.Gherkin.Reporting;

/// <summary>
/// A report of ours built from the same Cucumber messages Reqnroll's formatters get: the messages are read
/// into a <see cref="MessageRun"/> as they come, and the file is written whole once the run has finished.
/// A report that cannot be written fails the run (through <see cref="ReportContext.Failures"/>).
/// </summary>
internal abstract class SuiteReportFormatter : FormatterBase
{
    private readonly IFormattersConfigurationProvider _configuration;
    private readonly string _defaultPath;
    private string _path = "";

    protected SuiteReportFormatter(IFormattersConfigurationProvider configuration, IFormatterLog logger, ReportContext context, string name, string defaultPath)
        : base(configuration, logger, name)
    {
        _configuration = configuration;
        _defaultPath = defaultPath;
        Context = context;
    }

    protected ReportContext Context { get; }

    public override void LaunchInner(IDictionary<string, object> formatterConfiguration, Action<bool> onAfterInitialization)
    {
        try
        {
            _path = Context.OutputPath(_configuration, ReportContext.ConfiguredPath(formatterConfiguration), _defaultPath);
            onAfterInitialization(true);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or IOException)
        {
            Context.Failed($"the {Name} report's outputFilePath is not a usable path: {e.Message}");
            onAfterInitialization(false);
        }
    }

    protected override async Task ConsumeAndFormatMessagesBackgroundTask(CancellationToken cancellationToken)
    {
        var run = new MessageRun(Context.Suite);
        await foreach (var envelope in PostedMessages.Reader.ReadAllAsync(cancellationToken))
            run.Add(envelope);
        try
        {
            AtomicFile.Write(_path, stream => Write(run, stream));
        }
        catch (Exception e)
        {
            Context.Failed($"the {Name} report could not be written to {_path}: {e.Message}");
        }
    }

    protected abstract void Write(MessageRun run, Stream output);
}
