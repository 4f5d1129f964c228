using ChaosFeatures.Harness.Clients;

namespace ChaosFeatures.Harness.Tasks;

/// <summary>A finished transfer of a task: what it was (download, upload or a line exchange), against which peer or in-memory stream, what it sent and how it ended.</summary>
public sealed record TransferRecord(string Kind, string Source, ReadOnlyMemory<byte> Sent, TransferResult Result)
{
    public const string Exchange = "exchange";

    /// <summary>A user's own client code run as a task action (see <see cref="CallActions"/>).</summary>
    public const string Call = "call";

    public bool IsDownload => Kind == "download";

    public bool IsUpload => Kind == "upload";
}
