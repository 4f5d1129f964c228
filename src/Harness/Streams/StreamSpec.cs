using ChaosFeatures.Harness.EventLog;
using ChaosFeatures.Harness.Faults;

namespace ChaosFeatures.Harness.Streams;

/// <summary>
/// A named in-memory stream of a scenario: the bytes it holds and the faults its reads go through, in step order
/// (the first nearest the bytes). Like a peer, it is configured by Given steps before the first read is queued.
/// </summary>
public sealed class StreamSpec(string name, Func<byte[]> content)
{
    private readonly object _gate = new();
    private readonly List<FaultMode> _faults = [];
    private byte[]? _content;
    private bool _read;

    public string Name { get; } = name;

    /// <summary>Generated on first use, so a pinned seeds step still decides the bytes.</summary>
    public byte[] Content
    {
        get { lock (_gate) return _content ??= content(); }
    }

    /// <summary>The fault kinds in step order, for the timeline.</summary>
    public string Faults
    {
        get { lock (_gate) return _faults.Count == 0 ? "none" : string.Join(",", _faults.Select(f => f.Kind)); }
    }

    public void Add(FaultMode fault)
    {
        lock (_gate)
        {
            if (_read)
                throw new InvalidOperationException($"in-memory stream \"{Name}\" is already being read; give it its faults in Given steps before the first read");
            _faults.Add(fault);
        }
    }

    /// <summary>
    /// Called when a read is queued (later faults are then an error). Each call of the returned function opens the
    /// stream afresh, as each download opens a new connection, so every read meets the faults from byte 0.
    /// </summary>
    public Func<Stream> Reader(IChaosEventSink events)
    {
        FaultMode[] faults;
        lock (_gate)
        {
            _read = true;
            faults = [.. _faults];
        }
        var bytes = Content;
        return () => faults.Aggregate<FaultMode, Stream>(new MemoryStream(bytes, writable: false), (inner, fault) => new FaultyStream(inner, fault, events, Name));
    }
}
