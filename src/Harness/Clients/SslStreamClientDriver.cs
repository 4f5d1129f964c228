using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.Harness.Clients;

/// <summary>
/// The <c>tls</c> driver: download and upload through an SslStream over a socket, so the io
/// features run over TLS against a peer with <c>TlsOptions</c>. A failed handshake is classified
/// like any ending (FIN: eof, RST: reset, silence: timeout) except a rejected certificate or a TLS
/// alert, which is <see cref="Outcome.Handshake"/>. An upload ends with close_notify, then FIN.
/// </summary>
public sealed class SslStreamClientDriver(string name, TlsClientSettings settings) : IClientDriver
{
    public string Name => name;

    public TlsClientSettings Settings => settings;

    public async Task<TransferResult> DownloadAsync(EndPoint endPoint, DownloadRequest request, CancellationToken cancellationToken)
    {
        using var run = new TransferRun(name, request.Actor, request.Events, request.Timeout, cancellationToken);
        var received = new MemoryStream();
        await using var connection = new TlsClientConnection();
        try
        {
            var ssl = await connection.OpenAsync(endPoint, settings, run);
            await run.ReadToEndAsync(ssl.ReadAsync, request.ReadSize, received);
            var bytes = received.ToArray();
            return run.Finish(OutcomeClassifier.FromDownload(bytes, request.ExpectedLength, request.ExpectedPayload), bytes, null);
        }
        catch (Exception error)
        {
            return run.Finish(Classify(run, error, connection.Watch), received.ToArray(), error);
        }
    }

    public async Task<TransferResult> UploadAsync(EndPoint endPoint, UploadRequest request, CancellationToken cancellationToken)
    {
        using var run = new TransferRun(name, request.Actor, request.Events, request.Timeout, cancellationToken);
        var received = new MemoryStream();
        await using var connection = new TlsClientConnection();
        try
        {
            var ssl = await connection.OpenAsync(endPoint, settings, run);
            for (var offset = 0; offset < request.Payload.Length; offset += request.WriteSize)
            {
                var chunk = request.Payload.Slice(offset, Math.Min(request.WriteSize, request.Payload.Length - offset));
                await ssl.WriteAsync(chunk, run.Token);
                run.Wrote(chunk.Length);
            }
            if (request.HalfCloseAndDrain)
            {
                await ssl.ShutdownAsync(); // close_notify: the TLS way to say "no more from me"
                connection.SendFin();
                await run.ReadToEndAsync(ssl.ReadAsync, 8192, received);
            }
            return run.Finish(Outcome.Completed, received.ToArray(), null);
        }
        catch (Exception error)
        {
            return run.Finish(Classify(run, error, connection.Watch), received.ToArray(), error);
        }
    }

    private static Outcome Classify(TransferRun run, Exception error, TransportWatch? watch) =>
        OutcomeClassifier.FromException(error, run.CallerCancelled, run.TimedOut, watch?.SawEof == true);
}
