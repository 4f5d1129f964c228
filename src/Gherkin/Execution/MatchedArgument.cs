namespace ChaosFeatures.Gherkin.Execution;

/// <summary>An argument captured from step text, for highlighting in reports.</summary>
/// <param name="Start">0-based offset in the step text (inside the quotes for <c>{string}</c>).</param>
public sealed record MatchedArgument(int Start, string Value);
