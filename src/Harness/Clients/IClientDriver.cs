using System.Net;

namespace ChaosFeatures.Harness.Clients;

/// <summary>
/// A client stack under test. Implement it to run the chaos features against your own client:
/// connect to the given endpoint, move the bytes, and end in an <see cref="Outcome"/> (use
/// <see cref="OutcomeClassifier"/> so your outcomes mean what ours mean). Register it with
/// <see cref="ClientDrivers.Register"/>.
/// </summary>
public interface IClientDriver
{
    /// <summary>The name features use to pick this driver, e.g. <c>socket</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Connects, reads in <see cref="DownloadRequest.ReadSize"/> reads until EOF, and classifies the
    /// result. Never throws for network trouble: it is reported as the outcome. Always releases its socket.
    /// </summary>
    /// <param name="cancellationToken">The scenario task's token: its cancellation gives <see cref="Outcome.Cancelled"/>.</param>
    Task<TransferResult> DownloadAsync(EndPoint endPoint, DownloadRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Connects, writes the payload in <see cref="UploadRequest.WriteSize"/> writes, then (optionally)
    /// half-closes and reads until EOF. <see cref="Outcome.Completed"/> means every byte was written (and the peer closed).
    /// </summary>
    Task<TransferResult> UploadAsync(EndPoint endPoint, UploadRequest request, CancellationToken cancellationToken);
}
