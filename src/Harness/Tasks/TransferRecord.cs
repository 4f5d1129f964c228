using ChaosFeatures.Harness.Clients;

namespace ChaosFeatures.Harness.Tasks;

/// <summary>A finished transfer of a task: what it was (download, upload, line exchange or HTTP request), against which peer or in-memory stream, what it sent and how it ended.</summary>
public sealed record TransferRecord(string Kind, string Source, ReadOnlyMemory<byte> Sent, TransferResult Result)
{
    public const string Exchange = "exchange";
    public const string Request = "request";

    /// <summary>A user's own client code run as a task action (see <see cref="CallActions"/>).</summary>
    public const string Call = "call";

    /// <summary>An HTTP request's status, attempts and headers; null for the other kinds.</summary>
    public HttpCallResult? Http { get; init; }

    /// <summary>A download, or an HTTP request (whose response body is what it downloaded).</summary>
    public bool IsDownload => Kind is "download" or Request;

    public bool IsUpload => Kind == "upload";

    public bool IsRequest => Kind == Request;
}
