using System.Net.Sockets;
using System.Threading.Channels;
using ChaosFeatures.EvilPeer.Proxy.Ends;
using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Chain;
using ChaosFeatures.EvilPeer.Events;

namespace ChaosFeatures.EvilPeer.Proxy;

/// <summary>
/// The tail of a chain: writes chunks to the destination in order, each no earlier than its
/// due time. Only started once a direction has toxics; the plain pump never touches it.
/// </summary>
internal sealed class DirectionWriter(ProxyConnection connection, ToxicStream stream, ProxyEnd destination, int capacity) : IChunkSink
{
    private readonly Channel<Chunk> _queue = Channel.CreateBounded<Chunk>(
        new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
    private readonly TaskCompletionSource _finWritten = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _wake;
    private int _outstanding;
    private int _epoch;
    private Task? _loop;

    /// <summary>Nothing queued or being written: the reader may write directly again without overtaking.</summary>
    public bool Idle => Volatile.Read(ref _outstanding) == 0;

    public Task FinWritten => _finWritten.Task;

    public Task Completion => _loop ?? Task.CompletedTask;

    /// <summary>Called by the reader only (the chain runs on the reader's flow), so starting the loop needs no lock.</summary>
    public ValueTask SendAsync(Chunk chunk)
    {
        Interlocked.Increment(ref _outstanding);
        _loop ??= Task.Run(RunAsync);
        return _queue.Writer.WriteAsync(chunk with { Epoch = Volatile.Read(ref _epoch) }, connection.Closed);
    }

    /// <summary>A toxic left or changed: chunks already queued skip the rest of their delay (Toxiproxy flushes a removed stage).</summary>
    public void ReleaseDelayed()
    {
        Interlocked.Increment(ref _epoch);
        try
        {
            Interlocked.Exchange(ref _wake, null)?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The wait it would have woken has just ended by itself.
        }
    }

    private async Task RunAsync()
    {
        ChannelReader<Chunk> reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(connection.Closed).ConfigureAwait(false))
            {
                while (reader.TryRead(out Chunk chunk))
                {
                    try
                    {
                        await WaitUntilDueAsync(chunk).ConfigureAwait(false);
                        if (!await WriteAsync(chunk).ConfigureAwait(false)) return;
                    }
                    finally
                    {
                        chunk.Release();
                        Interlocked.Decrement(ref _outstanding);
                    }
                }
            }
        }
        catch (Exception ex)
        {
            connection.EndPump(ex, stream, " write failed: ", "writer");
        }
        finally
        {
            while (reader.TryRead(out Chunk left)) left.Release();
        }
    }

    private async ValueTask WaitUntilDueAsync(Chunk chunk)
    {
        TimeProvider time = connection.Time;
        while (chunk.Epoch == Volatile.Read(ref _epoch))
        {
            TimeSpan remaining = time.GetElapsedTime(time.GetTimestamp(), chunk.DueAt);
            // Timers tick about once a millisecond: sleeping for less would cost a whole tick per
            // chunk and cap pipelined throughput, so a chunk due within 1 ms leaves now.
            if (remaining < TimeSpan.FromMilliseconds(1)) return;
            var wake = CancellationTokenSource.CreateLinkedTokenSource(connection.Closed);
            Volatile.Write(ref _wake, wake);
            if (chunk.Epoch != Volatile.Read(ref _epoch)) return; // a removal raced the publication
            try
            {
                await Task.Delay(remaining, time, wake.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                connection.Closed.ThrowIfCancellationRequested();
            }
            finally
            {
                Interlocked.CompareExchange(ref _wake, null, wake);
                wake.Dispose();
            }
        }
    }

    /// <returns>False when the chunk ended the direction.</returns>
    private async ValueTask<bool> WriteAsync(Chunk chunk)
    {
        switch (chunk.Kind)
        {
            case ChunkKind.Fin:
                await connection.SendFinAsync(destination, stream).ConfigureAwait(false);
                _finWritten.TrySetResult();
                return false;
            case ChunkKind.Close:
                connection.Close(chunk.CloseMode, "toxic closed the connection in band");
                return false;
            default:
                await connection.SendAllAsync(destination, chunk.Data, stream).ConfigureAwait(false);
                return true;
        }
    }
}
