namespace ChaosFeatures.Harness.Replay;

/// <summary>A descriptor that cannot be used; the message is one line naming the field and what is wrong.</summary>
public sealed class ReplayDescriptorException(string message, Exception? inner = null) : Exception(message, inner);
