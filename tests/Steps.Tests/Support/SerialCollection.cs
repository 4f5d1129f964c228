namespace ChaosFeatures.Steps.Tests.Support;

/// <summary>Tests that measure time run apart from the parallel rest.</summary>
[CollectionDefinition(nameof(SerialCollection), DisableParallelization = true)]
public sealed class SerialCollection;
