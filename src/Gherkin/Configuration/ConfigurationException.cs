namespace ChaosFeatures.Gherkin.Configuration;

/// <summary>
/// Bad runner configuration (reqnroll.json or a seed variable). The message is one line that names
/// the file or variable, the key, and what is allowed, so it can be shown to the user as is.
/// </summary>
public sealed class ConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
