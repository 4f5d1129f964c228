using ChaosFeatures.Harness.EventLog;

namespace ChaosFeatures.Harness.Clients;

/// <summary>Connect, read until EOF, classify. Values are validated as they are set.</summary>
public sealed record DownloadRequest
{
    /// <summary>Who downloads, for events: usually the scenario task's name (<c>C</c>).</summary>
    public string Actor { get; init; } = "client";

    /// <summary>Bytes asked for per read: 1 reads byte by byte. Default 8192.</summary>
    public int ReadSize
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentException($"DownloadRequest.ReadSize={value} is invalid; accepted: >= 1 (1 = byte by byte)");
    } = 8192;

    /// <summary>Optional: with fewer bytes at EOF the outcome is <see cref="Outcome.Eof"/>.</summary>
    public int? ExpectedLength
    {
        get;
        init => field = value is null or >= 0 ? value : throw new ArgumentException($"DownloadRequest.ExpectedLength={value} is invalid; accepted: >= 0 or null");
    }

    /// <summary>Optional: the full length with different bytes is <see cref="Outcome.Corrupt"/>. Implies the expected length.</summary>
    public ReadOnlyMemory<byte>? ExpectedPayload { get; init; }

    /// <summary>For the whole transfer, connect included; then the outcome is <see cref="Outcome.Timeout"/>. Default 10 s.</summary>
    public TimeSpan Timeout
    {
        get;
        init => field = value > TimeSpan.Zero ? value : throw new ArgumentException($"DownloadRequest.Timeout={value} is invalid; accepted: > 0");
    } = TimeSpan.FromSeconds(10);

    /// <summary>Where connect, read summary and outcome events go (optional).</summary>
    public IChaosEventSink? Events { get; init; }
}
