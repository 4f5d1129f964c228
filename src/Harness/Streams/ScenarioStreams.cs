using System.Collections.Concurrent;
using ChaosFeatures.Harness.Seeds;

namespace ChaosFeatures.Harness.Streams;

/// <summary>The scenario's named in-memory streams. Nothing to stop at the end: they hold no socket, and each read disposes its own.</summary>
public sealed class ScenarioStreams(Func<CaseSeeds> seeds)
{
    private readonly ConcurrentDictionary<string, StreamSpec> _specs = new(StringComparer.Ordinal);

    /// <summary>A stream of <paramref name="size"/> deterministic bytes from the test's payload seed: the bytes a peer of the same name and size serves.</summary>
    public void Define(string name, int size)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (size < 0) throw new ArgumentOutOfRangeException(nameof(size), size, "an in-memory stream holds >= 0 bytes");
        var spec = new StreamSpec(name, () => seeds().PayloadFor(name).Payload(size));
        if (!_specs.TryAdd(name, spec)) throw new InvalidOperationException($"in-memory stream \"{name}\" is already defined; use another name");
    }

    public StreamSpec Get(string name) => _specs.TryGetValue(name, out var spec)
        ? spec
        : throw new InvalidOperationException($"no in-memory stream \"{name}\" yet; known: {Known()}. Define it first, e.g. 'Given an in-memory stream \"{name}\" holding 256 bytes'");

    private string Known() => _specs.IsEmpty ? "none" : string.Join(", ", _specs.Keys.Order(StringComparer.Ordinal));
}
