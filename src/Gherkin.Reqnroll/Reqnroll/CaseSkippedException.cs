namespace ChaosFeatures.Gherkin.Reqnroll;

/// <summary>
/// Thrown by <see cref="BridgeRuntimeProvider.TestIgnore"/>: a binding found that its scenario cannot run
/// here (a tool is missing, say). The case is reported skipped with <see cref="Exception.Message"/> as the reason.
/// </summary>
public sealed class CaseSkippedException(string reason) : Exception(reason);
