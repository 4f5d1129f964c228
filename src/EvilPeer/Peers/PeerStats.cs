using System.Collections.Concurrent;
using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.EvilPeer.Tls;

namespace ChaosFeatures.EvilPeer.Peers;

/// <summary>Live counters of a running peer; safe to read from any thread at any time.</summary>
public sealed class PeerStats
{
    private readonly ConcurrentDictionary<long, string> _readSha256 = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private readonly List<RecordedHttpRequest> _httpRequests = [];
    private long _accepted, _finished, _served, _read, _resets, _fins, _errors;
    private readonly TlsCounters _tls = new();
    private long _httpNumber;
    private volatile string? _lastReadSha256;

    public long ConnectionsAccepted => Interlocked.Read(ref _accepted);

    /// <summary>
    /// Connections whose behaviour has run its script to the end (FIN or RST sent, or failed). A
    /// served connection may still be reading and discarding the client's last bytes after its FIN.
    /// </summary>
    public long ConnectionsFinished => Interlocked.Read(ref _finished);

    public long BytesServed => Interlocked.Read(ref _served);
    public long BytesRead => Interlocked.Read(ref _read);
    public long ResetsSent => Interlocked.Read(ref _resets);
    public long FinsSent => Interlocked.Read(ref _fins);
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>TLS handshakes the peer completed.</summary>
    public long TlsHandshakes => _tls.Handshakes;

    /// <summary>TLS faults that fired (a stop, a cut record, a reset or a renegotiation started).</summary>
    public long TlsFaults => _tls.Faults;

    /// <summary>TLS handshakes the client broke off (it rejected the certificate, sent an alert, or vanished).</summary>
    public long TlsFailures => _tls.Failures;

    /// <summary>Requests an HTTP peer parsed, in order (a snapshot).</summary>
    public IReadOnlyList<RecordedHttpRequest> HttpRequests { get { lock (_httpRequests) return [.. _httpRequests]; } }

    /// <summary>Lower-case hex SHA-256 of what the most recently finished consume connection read.</summary>
    public string? LastReadSha256 => _lastReadSha256;

    /// <summary>Per connection id (1-based): SHA-256 of the bytes a consume connection read.</summary>
    public IReadOnlyDictionary<long, string> ReadSha256ByConnection => _readSha256;

    public override string ToString() =>
        $"accepted={ConnectionsAccepted} finished={ConnectionsFinished} served={BytesServed} read={BytesRead} " +
        $"fins={FinsSent} resets={ResetsSent} errors={Errors}" +
        (TlsHandshakes + TlsFaults + TlsFailures > 0 ? $" tls_handshakes={TlsHandshakes} tls_faults={TlsFaults} tls_failures={TlsFailures}" : "") +
        (Interlocked.Read(ref _httpNumber) > 0 ? $" http_requests={Interlocked.Read(ref _httpNumber)}" : "");

    internal long OnAccepted() => Interlocked.Increment(ref _accepted);
    internal void OnServed(int bytes) => Interlocked.Add(ref _served, bytes);
    internal void OnRead(int bytes) => Interlocked.Add(ref _read, bytes);
    internal void OnReset() => Interlocked.Increment(ref _resets);
    internal void OnFin() => Interlocked.Increment(ref _fins);
    internal void OnError() => Interlocked.Increment(ref _errors);

    /// <summary>Counts a TLS event by name; in-process peers and forked peers' parents both come through here.</summary>
    internal void OnTlsEvent(string name) => _tls.OnEvent(name);

    /// <summary>The next request's number (1-based, across connections).</summary>
    internal long NextHttpRequestNumber() => Interlocked.Increment(ref _httpNumber);

    internal void OnHttpRequest(RecordedHttpRequest request)
    {
        lock (_httpRequests) _httpRequests.Add(request);
        // A forked peer's parent learns numbers from the child's events, not from NextHttpRequestNumber.
        long seen;
        while ((seen = Interlocked.Read(ref _httpNumber)) < request.Number && Interlocked.CompareExchange(ref _httpNumber, request.Number, seen) != seen) { }
    }

    internal void OnReadHash(long connectionId, string sha256Hex)
    {
        _readSha256[connectionId] = sha256Hex;
        _lastReadSha256 = sha256Hex;
    }

    internal void OnFinished()
    {
        long finished = Interlocked.Increment(ref _finished);
        lock (_waiters)
        {
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (finished < _waiters[i].Count) continue;
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    /// <summary>Wait until <paramref name="count"/> connections have finished (see <see cref="ConnectionsFinished"/>).</summary>
    /// <exception cref="TimeoutException">Not within <paramref name="timeout"/>; the message names the peer and carries the stats.</exception>
    internal async Task WaitForFinishedAsync(string peer, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await WhenFinished(count).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"peer {peer}: {count} connection(s) did not finish within {timeout.TotalMilliseconds} ms ({this})");
        }
    }

    private Task WhenFinished(int count)
    {
        lock (_waiters)
        {
            if (ConnectionsFinished >= count) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task;
        }
    }
}
