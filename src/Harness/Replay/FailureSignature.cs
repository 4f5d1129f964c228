namespace ChaosFeatures.Harness.Replay;

/// <summary>
/// What makes two failures "the same": the exception type and its message with run-to-run noise
/// (durations, ports, timestamps, the timeline) replaced by placeholders. Shrinking keeps a
/// reduction only when the signature is unchanged, so it cannot wander off to a different bug.
/// </summary>
/// <param name="ExceptionType">Short type name, e.g. <c>ChaosAssertionException</c>.</param>
/// <param name="Message">The normalized message (<see cref="SignatureNormalizer"/>).</param>
public sealed record FailureSignature(string ExceptionType, string Message)
{
    public static FailureSignature Of(Exception error) =>
        new(error.GetType().Name, SignatureNormalizer.Normalize(error.Message));

    /// <summary>From a runner's failure text <c>Type: message</c> (how the runtime reports a step's exception).</summary>
    public static FailureSignature FromErrorText(string errorText)
    {
        var separator = errorText.IndexOf(": ", StringComparison.Ordinal);
        var type = separator > 0 ? errorText[..separator] : "";
        return type.Length > 0 && type.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '`')
            ? new(type[(type.LastIndexOf('.') + 1)..], SignatureNormalizer.Normalize(errorText[(separator + 2)..]))
            : new("", SignatureNormalizer.Normalize(errorText));
    }

    /// <summary>One line, for headers and console output.</summary>
    public override string ToString()
    {
        var message = Message.ReplaceLineEndings(" | ");
        return ExceptionType.Length == 0 ? message : $"{ExceptionType}: {message}";
    }
}
