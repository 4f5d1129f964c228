namespace ChaosFeatures.Harness.ServersUnderTest.Probes;

/// <summary>The server answered, but not what a legitimate client expects.</summary>
public sealed class ProbeMismatchException(string message) : Exception(message);
