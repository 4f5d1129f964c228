namespace ChaosFeatures.EvilPeer.Validation;

/// <summary>
/// Thrown where options enter (peer, toxic, proxy construction). Lists every problem at once,
/// each naming the field and the allowed range, e.g. <c>latency.jitter: -5 is out of range 0..3600000 ms</c>.
/// </summary>
public sealed class OptionsValidationException(string subject, IReadOnlyList<string> errors)
    : ArgumentException($"Invalid {subject}: {string.Join("; ", errors)}")
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
