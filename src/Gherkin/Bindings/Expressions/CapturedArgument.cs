namespace ChaosFeatures.Gherkin.Bindings.Expressions;

/// <summary>Text captured for one slot, copied out of the regex match so it can be cached and shared across threads.</summary>
/// <param name="Start">Offset of the captured text in the step text (of the whole quoted text for <c>{string}</c>).</param>
/// <param name="Inner">Texts of the parameter's own capture groups (for transformations with several parameters).</param>
internal sealed record CapturedArgument(int Start, string Value, string[] Inner, ParameterType? Type);
