using ChaosFeatures.Harness.Clients;

namespace ChaosFeatures.Harness.Faults;

/// <summary>
/// Reads a stream to its end as our drivers read a socket, with the same bookkeeping and the same
/// <see cref="OutcomeClassifier"/>, so an in-memory fault ends in the outcome its socket twin would:
/// IOException -> error, TimeoutException -> timeout, a wrapped ConnectionReset -> reset, the caller's
/// cancel -> cancelled, the expected length with other bytes -> corrupt, all of it -> completed.
/// Awaits keep the caller's context on purpose: inside a scenario task the scenario scheduler orders them.
/// </summary>
public static class StreamTransfer
{
    /// <summary>
    /// Reads <paramref name="stream"/> in <see cref="DownloadRequest.ReadSize"/> reads until it returns 0, within the
    /// request's timeout. The caller owns the stream. Never throws for how the read ended; the result says it.
    /// </summary>
    public static async Task<TransferResult> ReadToEndAsync(Stream stream, DownloadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(request);
        using var run = new TransferRun("memory", request.Actor, request.Events, request.Timeout, cancellationToken);
        var received = new MemoryStream();
        try
        {
            await run.ReadToEndAsync(stream.ReadAsync, request.ReadSize, received);
            var bytes = received.ToArray();
            return run.Finish(OutcomeClassifier.FromDownload(bytes, request.ExpectedLength, request.ExpectedPayload), bytes, null);
        }
        catch (Exception error)
        {
            return run.Finish(run.Classify(error), received.ToArray(), error);
        }
    }
}
