using ChaosFeatures.Harness.Clients;

namespace ChaosFeatures.Harness.Tasks;

/// <summary>A finished transfer of a task: what it was, against which peer or in-memory stream, what it sent and how it ended.</summary>
public sealed record TransferRecord(string Kind, string Source, ReadOnlyMemory<byte> Sent, TransferResult Result)
{
    public bool IsDownload => Kind == "download";
}
