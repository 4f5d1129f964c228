using ChaosFeatures.Harness.EventLog;

namespace ChaosFeatures.Harness.Clients;

/// <summary>Connect, write the payload in chunks, optionally half-close and read until EOF.</summary>
public sealed record UploadRequest
{
    public required ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>Who uploads, for events: usually the scenario task's name.</summary>
    public string Actor { get; init; } = "client";

    /// <summary>Bytes per write. Default 8192.</summary>
    public int WriteSize
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentException($"UploadRequest.WriteSize={value} is invalid; accepted: >= 1");
    } = 8192;

    /// <summary>For the whole transfer, connect included. Default 10 s.</summary>
    public TimeSpan Timeout
    {
        get;
        init => field = value > TimeSpan.Zero ? value : throw new ArgumentException($"UploadRequest.Timeout={value} is invalid; accepted: > 0");
    } = TimeSpan.FromSeconds(10);

    /// <summary>After the last write, send FIN and read until the peer's EOF (default true): the upload counts only once the peer closed.</summary>
    public bool HalfCloseAndDrain { get; init; } = true;

    public IChaosEventSink? Events { get; init; }
}
