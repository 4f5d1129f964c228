using Reqnroll.Formatters.Configuration;
using Reqnroll.Formatters.Message;
using Reqnroll.Formatters.RuntimeSupport;
using Reqnroll.Utils;

namespace ChaosFeatures.Gherkin.Reporting;

/// <summary>Reqnroll's <c>message</c> formatter (Cucumber Messages NDJSON), writing under the suite root and replacing the file only when complete.</summary>
internal sealed class SuiteMessageFormatter : MessageFormatter
{
    private readonly IFormattersConfigurationProvider _configuration;
    private readonly ReportContext _context;

    public const string FormatterName = "message";
    public const string DefaultPath = "reports/cucumber-messages.ndjson";

    private readonly WholeFile _file;

    public SuiteMessageFormatter(IFormattersConfigurationProvider configuration, IFormatterLog logger, IFileSystem fileSystem, ReportContext context)
        : base(configuration, logger, fileSystem)
    {
        _configuration = configuration;
        _context = context;
        _file = new WholeFile(context);
    }

    public override string? ResolveOutputFilePathVariables(string? configuredFilePath) =>
        _context.OutputPath(_configuration, configuredFilePath, DefaultPath);

    protected override Stream CreateTargetFileStream(string outputPath) => _file.Open(outputPath);

    public override void Dispose()
    {
        base.Dispose();
        _file.Commit(Name);
    }
}
