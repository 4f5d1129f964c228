using System.Net;
using System.Net.Sockets;

namespace ChaosFeatures.Harness.Clients;

/// <summary>
/// Our drivers: one transfer flow over interchangeable transports. Awaits keep the caller's
/// context on purpose (no ConfigureAwait(false)): inside a scenario task every continuation must
/// return to the scenario scheduler, or the scheduler would not order the I/O it is meant to order.
/// </summary>
internal sealed class TransportClientDriver(string name, Func<Socket, ITransport> open) : IClientDriver
{
    public string Name => name;

    public async Task<TransferResult> DownloadAsync(EndPoint endPoint, DownloadRequest request, CancellationToken cancellationToken)
    {
        using var run = new TransferRun(name, request.Actor, request.Events, request.Timeout, cancellationToken);
        var received = new MemoryStream();
        try
        {
            await using var transport = await ConnectAsync(endPoint, run);
            await run.ReadToEndAsync(transport.ReadAsync, request.ReadSize, received);
            var bytes = received.ToArray();
            return run.Finish(OutcomeClassifier.FromDownload(bytes, request.ExpectedLength, request.ExpectedPayload), bytes, null);
        }
        catch (Exception error)
        {
            return run.Finish(run.Classify(error), received.ToArray(), error);
        }
    }

    public async Task<TransferResult> UploadAsync(EndPoint endPoint, UploadRequest request, CancellationToken cancellationToken)
    {
        using var run = new TransferRun(name, request.Actor, request.Events, request.Timeout, cancellationToken);
        var received = new MemoryStream();
        try
        {
            await using var transport = await ConnectAsync(endPoint, run);
            for (var offset = 0; offset < request.Payload.Length; offset += request.WriteSize)
            {
                var chunk = request.Payload.Slice(offset, Math.Min(request.WriteSize, request.Payload.Length - offset));
                await transport.WriteAsync(chunk, run.Token);
                run.Wrote(chunk.Length);
            }
            if (request.HalfCloseAndDrain)
            {
                await transport.CompleteWritesAsync();
                await run.ReadToEndAsync(transport.ReadAsync, 8192, received);
            }
            return run.Finish(Outcome.Completed, received.ToArray(), null);
        }
        catch (Exception error)
        {
            return run.Finish(run.Classify(error), received.ToArray(), error);
        }
    }

    private async Task<ITransport> ConnectAsync(EndPoint endPoint, TransferRun run)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, run.Token);
            run.Connected(endPoint, socket.LocalEndPoint);
            return open(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
