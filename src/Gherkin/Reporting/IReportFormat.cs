using ChaosFeatures.Gherkin.Reporting.Recording;

namespace ChaosFeatures.Gherkin.Reporting;

/// <summary>A kind of report (a reqnroll.json <c>formatters</c> entry): renders a finished run to a stream.</summary>
public interface IReportFormat
{
    /// <summary>The key under <c>formatters</c> in reqnroll.json.</summary>
    string Name { get; }

    /// <summary>Where the report goes when its section gives no <c>outputFilePath</c> (relative to the suite root).</summary>
    string DefaultOutputPath { get; }

    void Write(RecordedRun run, Stream output);
}
