using ChaosFeatures.EvilPeer.Buffers;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Proxy.Ends;
using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Chain;
using ChaosFeatures.EvilPeer.Events;

namespace ChaosFeatures.EvilPeer.Proxy;

/// <summary>
/// One direction of a proxied connection. The reader is the chain's permanent head: with no
/// toxics (and nothing still queued) it writes each chunk straight to the destination from its
/// one pooled buffer, with no allocation and no hand-off; otherwise the buffer becomes a chunk,
/// goes through the toxics, and the reader rents a fresh one.
/// </summary>
internal sealed class ProxyDirection
{
    /// <summary>
    /// A burst starts with a small buffer and moves to the full <see cref="ToxicProxyOptions.BufferSize"/>
    /// only when it fills it: request/response traffic never pins a whole receive buffer per direction.
    /// </summary>
    private const int FirstBufferSize = 64 * 1024;

    private readonly ProxyConnection _connection;
    private readonly ProxyEnd _source;
    private readonly ProxyEnd _destination;
    private readonly DirectionWriter _writer;
    private readonly int _bufferSize;
    private readonly Lock _refreshGate = new();
    private long _bytesRead;
    private long _appliedVersion = -1; // the snapshot version the chain matches; none yet

    public ProxyDirection(ProxyConnection connection, ToxicStream stream, ProxyEnd source, ProxyEnd destination,
        ChainIdentity identity, int bufferSize, int maxQueuedChunks)
    {
        _connection = connection;
        Stream = stream;
        _source = source;
        _destination = destination;
        _bufferSize = bufferSize;
        _writer = new DirectionWriter(connection, stream, destination, maxQueuedChunks);
        Chain = new ToxicChain(identity, _writer);
    }

    public ToxicStream Stream { get; }

    public ToxicChain Chain { get; }

    /// <summary>
    /// If the proxy's toxics changed since this chain last matched them, rebuild it and, if a toxic left, stop
    /// holding chunks for it. The reader calls it at every chunk (one version compare when nothing changed), the
    /// proxy's rollout for idle connections. The snapshot is read under the gate, so whichever caller comes
    /// second applies nothing older than the first did.
    /// </summary>
    public void RefreshToxics()
    {
        if (_connection.CurrentToxics.Version == Volatile.Read(ref _appliedVersion)) return;
        lock (_refreshGate)
        {
            StreamToxics current = _connection.CurrentToxics;
            if (current.Version == _appliedVersion) return;
            if (Chain.Apply(current.For(Stream), Interlocked.Read(ref _bytesRead))) _writer.ReleaseDelayed();
            // Only now: the reader's fast path trusts the version, so it must not see it before the chain it stands for
            // (a rollout that had set it first let a chunk pass on the old chain).
            Volatile.Write(ref _appliedVersion, current.Version);
        }
    }

    public async Task RunAsync()
    {
        CancellationToken closed = _connection.Closed;
        byte[]? buffer = null;
        bool bulk = false; // the last read filled its buffer: the next one gets the full size
        try
        {
            while (true)
            {
                if (buffer is null)
                {
                    // Idle connections hold no buffer: a zero-byte receive waits for data first (Kestrel's trick).
                    await _source.ReceiveAsync(Memory<byte>.Empty, closed).ConfigureAwait(false);
                    buffer = ProxyBuffers.Rent(bulk ? _bufferSize : Math.Min(FirstBufferSize, _bufferSize));
                }
                else if (bulk && buffer.Length < _bufferSize)
                {
                    // A bulk transfer outgrew the first buffer: read the rest in full-size pieces.
                    ProxyBuffers.Return(buffer);
                    buffer = ProxyBuffers.Rent(_bufferSize);
                }
                int read = await _source.ReceiveAsync(buffer, closed).ConfigureAwait(false);
                if (read == 0) break;
                long arrived = _connection.Time.GetTimestamp();
                Interlocked.Add(ref _bytesRead, read);
                _connection.Read(Stream, buffer.AsSpan(0, read));
                bulk = read == buffer.Length;

                RefreshToxics();
                ToxicStage[] stages = Chain.Stages;
                if (stages.Length == 0 && _writer.Idle)
                {
                    await _connection.SendAllAsync(_destination, buffer.AsMemory(0, read), Stream).ConfigureAwait(false);
                }
                else
                {
                    await Head(stages).SendAsync(ToChunk(ref buffer, read, arrived)).ConfigureAwait(false);
                }
                // Keep the buffer while data streams (a full read says more is coming); hand it back
                // once the socket is drained.
                if (buffer is null || bulk || _source.Available > 0) continue;
                ProxyBuffers.Return(buffer);
                buffer = null;
            }
            await ForwardFinAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _connection.EndPump(ex, Stream, ": ", "pump");
        }
        finally
        {
            if (buffer is not null) ProxyBuffers.Return(buffer);
        }
        await _writer.Completion.ConfigureAwait(false);
    }

    /// <summary>
    /// A full read hands its buffer to the chunk (the reader rents a fresh one); a small one is
    /// copied out, so chunks held behind delaying toxics cost about what they carry, not a
    /// whole receive buffer each (1024 queued 100-byte chunks must not pin 1 GiB).
    /// </summary>
    private static Chunk ToChunk(ref byte[]? buffer, int read, long arrived)
    {
        if (read < buffer!.Length / 4) return Chunk.CopyOf(buffer.AsSpan(0, read), arrived);
        var chunk = new Chunk(buffer, read, arrived);
        buffer = null; // the chunk owns it now
        return chunk;
    }

    private async Task ForwardFinAsync()
    {
        RefreshToxics();
        ToxicStage[] stages = Chain.Stages;
        if (stages.Length == 0 && _writer.Idle)
        {
            await _connection.SendFinAsync(_destination, Stream).ConfigureAwait(false);
            return;
        }
        await Head(stages).SendAsync(Chunk.Fin(_connection.Time.GetTimestamp())).ConfigureAwait(false);
        // A toxic may hold or swallow the FIN (slow_close, timeout): this direction lasts until it is written or the connection closes.
        await _writer.FinWritten.WaitAsync(_connection.Closed).ConfigureAwait(false);
    }

    private IChunkSink Head(ToxicStage[] stages) => stages.Length > 0 ? stages[0] : _writer;
}
