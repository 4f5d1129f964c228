using ChaosFeatures.Gherkin.Execution;

namespace ChaosFeatures.Gherkin.Reporting.Recording;

/// <summary>One test step as it ran: its result, when it started and finished, and what it attached.</summary>
public sealed record RecordedStep(StepResult Result, DateTimeOffset Started, DateTimeOffset Finished, IReadOnlyList<RecordedAttachment> Attachments);

/// <summary>Something a step wrote through <c>IReqnrollOutputHelper</c> (a log line or a file URI).</summary>
public sealed record RecordedAttachment(string Body, string MediaType, DateTimeOffset Timestamp);
