using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Reporting.Recording;

/// <summary>A test case that finished in this run.</summary>
/// <param name="Attempt">0 the first time this case id finished in the run, 1 the second time, and so on.</param>
/// <param name="Steps">In run order (hooks included), one per entry of <see cref="TestCaseResult.Steps"/>.</param>
/// <param name="LooseAttachments">Attachments made while no step was running.</param>
public sealed record RecordedCase(
    TestCase TestCase,
    TestCaseResult Result,
    int Attempt,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    IReadOnlyList<RecordedStep> Steps,
    IReadOnlyList<RecordedAttachment> LooseAttachments);
