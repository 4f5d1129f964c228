namespace ChaosFeatures.Merge.Cli;

/// <summary>Arguments or artifacts the merge cannot use; the message is one line naming the file or option and what is wrong.</summary>
internal sealed class MergeInputException(string message, Exception? inner = null) : Exception(message, inner);
