using System.Diagnostics;
using System.Net;
using ChaosFeatures.Harness.Clients;

namespace ChaosFeatures.HttpPlantedBug;

/// <summary>
/// The <c>tiny-http</c> driver: a download is a <see cref="TinyHttpClient"/> GET of <c>/</c>. Like a real
/// client it knows nothing of the payload the peer meant to send: a body it takes as complete is
/// <see cref="Outcome.Completed"/>. It does not upload.
/// </summary>
public sealed class TinyHttpDriver : IClientDriver
{
    public const string DriverName = "tiny-http";

    public string Name => DriverName;

    public async Task<TransferResult> DownloadAsync(EndPoint endPoint, DownloadRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var received = new MemoryStream();
        long bytes = 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(request.Timeout);
        try
        {
            int status = await TinyHttpClient.GetAsync((IPEndPoint)endPoint, "/", received, n => bytes += n, timeout.Token);
            return status is >= 200 and <= 299
                ? new TransferResult(Outcome.Completed, bytes, 0, received.ToArray(), null, clock.Elapsed)
                : new TransferResult(Outcome.Error, bytes, 0, received.ToArray(), $"HttpRequestException: HTTP {status}", clock.Elapsed);
        }
        catch (Exception error)
        {
            var outcome = OutcomeClassifier.FromException(error, cancellationToken.IsCancellationRequested, timeout.IsCancellationRequested);
            return new TransferResult(outcome, bytes, 0, received.ToArray(), $"{error.GetType().Name}: {error.Message}", clock.Elapsed);
        }
    }

    public Task<TransferResult> UploadAsync(EndPoint endPoint, UploadRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new TransferResult(Outcome.Error, 0, 0, [], $"NotSupportedException: the {DriverName} driver only downloads", TimeSpan.Zero));
}
