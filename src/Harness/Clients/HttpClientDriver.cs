using System.Net;

namespace ChaosFeatures.Harness.Clients;

/// <summary>
/// The <c>http</c>, <c>https</c>, <c>http-retry</c> and <c>https-retry</c> drivers: a download is a
/// GET of <see cref="HttpClientSettings.Path"/>, an upload a POST of the payload, each on a fresh
/// <see cref="HttpClientSession"/> (so no connection outlives the transfer). Against an HTTP peer
/// the io features read the same as over a socket; a response that is not 2xx is
/// <see cref="Outcome.Error"/> with the status in the error text (a download of a 503 page is not the payload).
/// </summary>
public sealed class HttpClientDriver(string name, HttpClientSettings settings) : IClientDriver
{
    public string Name => name;

    public HttpClientSettings Settings => settings;

    public Task<TransferResult> DownloadAsync(EndPoint endPoint, DownloadRequest request, CancellationToken cancellationToken) =>
        RunAsync(endPoint, request.Actor, request.Events, new HttpCall
        {
            Path = settings.Path, ReadSize = request.ReadSize, Timeout = request.Timeout, RequireSuccess = true,
            ExpectedBody = request.ExpectedPayload, ExpectedLength = request.ExpectedLength,
        }, cancellationToken);

    public Task<TransferResult> UploadAsync(EndPoint endPoint, UploadRequest request, CancellationToken cancellationToken) =>
        RunAsync(endPoint, request.Actor, request.Events, new HttpCall
        {
            Method = HttpMethod.Post, Path = settings.Path, Body = request.Payload, WriteSize = request.WriteSize, Timeout = request.Timeout,
            RequireSuccess = true,
        }, cancellationToken);

    private async Task<TransferResult> RunAsync(EndPoint endPoint, string actor, EventLog.IChaosEventSink? events, HttpCall call,
        CancellationToken cancellationToken)
    {
        if (endPoint is not IPEndPoint peer) throw new ArgumentException($"the {name} driver needs an IP endpoint, got {endPoint}", nameof(endPoint));
        await using var session = new HttpClientSession(peer, settings, actor, events, name);
        return (await session.SendAsync(call, cancellationToken)).Transfer;
    }
}
