namespace ChaosFeatures.Freeze.Cli;

/// <summary>Input freeze cannot work with; the message is the one line printed before exiting with 2.</summary>
internal sealed class FreezeInputException(string message, Exception? inner = null) : Exception(message, inner);
