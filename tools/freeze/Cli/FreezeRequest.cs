namespace ChaosFeatures.Freeze.Cli;

/// <summary>One freeze invocation, as parsed from the command line.</summary>
/// <param name="OutDirectory">Null means <c>features/frozen</c> under the suite root.</param>
/// <param name="Verify">Number of verification runs, or null for none.</param>
internal sealed record FreezeRequest(string DescriptorPath, string? OutDirectory, bool Force, bool Shrink, int? Verify, string CurrentDirectory);
