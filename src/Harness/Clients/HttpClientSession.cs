using System.Net;
using System.Net.Sockets;
using ChaosFeatures.Harness.EventLog;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChaosFeatures.Harness.Clients;

/// <summary>
/// One HttpClient (SocketsHttpHandler, optionally behind the resilience handler) bound to one peer,
/// kept across calls so sequential calls reuse a keep-alive connection as a real client would.
/// Its connections always go to <paramref name="peer"/> (an https URL names
/// <see cref="TlsClientSettings.TargetHost"/> for SNI and the certificate check, never for DNS).
/// Never throws for network trouble: each call ends in an outcome. Disposal closes its connections.
/// </summary>
public sealed class HttpClientSession : IAsyncDisposable
{
    private readonly IPEndPoint _peer;
    private readonly HttpClientSettings _settings;
    private readonly string _driver;
    private readonly string _actor;
    private readonly IChaosEventSink? _events;
    private readonly AttemptCounter _attempts;
    private readonly HttpClient _client;
    private int _connections, _transportEofs;

    public HttpClientSession(IPEndPoint peer, HttpClientSettings settings, string actor = "client", IChaosEventSink? events = null,
        string driver = "http")
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(settings);
        (_peer, _settings, _actor, _events, _driver) = (peer, settings, actor, events, driver);
        var ssl = settings.Tls.ToOptions();
        ssl.TargetHost = null; // HttpClient takes it from the URL
        var sockets = new SocketsHttpHandler
        {
            ConnectCallback = ConnectAsync,
            SslOptions = ssl,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        _attempts = new AttemptCounter((n, how) => Note(ChaosEventNames.HttpAttempt, ("attempt", (long)n), ("result", how)),
            readsRetriedBodies: settings.Resilience is not null) { InnerHandler = sockets };
        HttpMessageHandler top = settings.Resilience is { } resilience ? new ResilienceHandler(Pipeline(resilience)) { InnerHandler = _attempts } : _attempts;
        _client = new HttpClient(top, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan }; // the call's own bound applies
    }

    /// <summary>Requests that went out on the wire so far, retries included.</summary>
    public int Attempts => _attempts.Attempts;

    /// <summary>TCP connections opened so far (keep-alive reuse keeps this low).</summary>
    public int ConnectionsOpened => Volatile.Read(ref _connections);

    public Uri UriFor(string path) =>
        new($"{(_settings.Https ? "https" : "http")}://{(_settings.Https ? _settings.Tls.TargetHost : _peer.Address.ToString())}:{_peer.Port}{path}");

    public async Task<HttpCallResult> SendAsync(HttpCall call, CancellationToken cancellationToken)
    {
        using var run = new TransferRun(_driver, _actor, _events, call.Timeout, cancellationToken);
        var received = new MemoryStream();
        int attemptsBefore = Attempts, eofsBefore = Volatile.Read(ref _transportEofs);
        int? status = null;
        IReadOnlyList<KeyValuePair<string, string>> headers = [];
        try
        {
            using var request = new HttpRequestMessage(call.Method, UriFor(call.Path));
            foreach (var (name, value) in call.Headers) request.Headers.TryAddWithoutValidation(name, value);
            if (call.Body is { } body) request.Content = new UploadContent(body, call.WriteSize, run.Wrote);
            using HttpResponseMessage response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, run.Token);
            status = (int)response.StatusCode;
            headers = [.. response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))];
            run.Note(ChaosEventNames.HttpResponse, ("status", (long)status), ("attempts", (long)(Attempts - attemptsBefore)));
            await using Stream stream = await response.Content.ReadAsStreamAsync(run.Token);
            await run.ReadToEndAsync(stream.ReadAsync, call.ReadSize, received);
            var bytes = received.ToArray();
            if (call.RequireSuccess && status is < 200 or > 299)
                return new(run.Finish(Outcome.Error, bytes, new HttpRequestException($"HTTP {status} {response.ReasonPhrase}")), status, Attempts - attemptsBefore, headers);
            var outcome = OutcomeClassifier.FromDownload(bytes, call.ExpectedLength, call.ExpectedBody);
            return new(run.Finish(outcome, bytes, null), status, Attempts - attemptsBefore, headers);
        }
        catch (Exception error)
        {
            bool eof = Volatile.Read(ref _transportEofs) > eofsBefore;
            var outcome = OutcomeClassifier.FromException(error, run.CallerCancelled, run.TimedOut, eof);
            return new(run.Finish(outcome, received.ToArray(), error), status, Attempts - attemptsBefore, headers);
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(_peer.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(_peer, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        Interlocked.Increment(ref _connections);
        Note(ChaosEventNames.Connect, ("peer", _peer.ToString()), ("local", socket.LocalEndPoint?.ToString()));
        return new TransportWatch(new NetworkStream(socket, ownsSocket: true), () => Interlocked.Increment(ref _transportEofs));
    }

    private void Note(string name, params (string, object?)[] fields) =>
        _events?.Record(ChaosEvent.Of(ChaosEventKinds.Client, _actor, name, [("driver", _driver), .. fields]));

    private static ResiliencePipeline<HttpResponseMessage> Pipeline(HttpResilience r) =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = r.Time }
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = r.MaxRetries, Delay = r.RetryDelay, BackoffType = DelayBackoffType.Constant, UseJitter = false,
                ShouldRetryAfterHeader = false, // a peer's Retry-After must not stretch a scenario past its bounds
            })
            .AddTimeout(r.AttemptTimeout)
            .Build();
}
