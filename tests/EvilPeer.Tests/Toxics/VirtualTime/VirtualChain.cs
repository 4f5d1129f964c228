using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.Chain;
using Microsoft.Extensions.Time.Testing;

namespace ChaosFeatures.EvilPeer.Tests.Toxics.VirtualTime;

/// <summary>
/// One direction's toxic chain on a <see cref="FakeTimeProvider"/>, without sockets: the test pushes chunks in and
/// moves the clock, and sees each chunk that left the chain with its due time and the virtual time it left at. Logical
/// timing (latency, pacing, slice spacing, timeouts) is then exact, whatever the load on the machine.
/// </summary>
internal sealed class VirtualChain : IChunkSink, IToxicHost, IDisposable
{
    private readonly List<Sent> _sent = [];
    private readonly List<(string Reason, TimeSpan At)> _closes = [];
    private readonly CancellationTokenSource _closed = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private readonly long _start;

    public VirtualChain(params ToxicOptions[] toxics)
    {
        _start = Time.GetTimestamp();
        Chain = new ToxicChain(new ChainIdentity(ProxySeed: 1, ConnectionId: 1, ToxicStream.Downstream, Time, this, _closed.Token), this);
        Chain.Apply(toxics, bytesSoFar: 0);
    }

    /// <summary>A chunk as it reached the writer: its size, when it is due and when (virtually) it left, both from the start.</summary>
    public sealed record Sent(int Length, TimeSpan DueAt, TimeSpan LeftAt);

    public FakeTimeProvider Time { get; } = new();

    public ToxicChain Chain { get; }

    public IReadOnlyList<Sent> Chunks { get { lock (_sent) return [.. _sent]; } }

    public IReadOnlyList<(string Reason, TimeSpan At)> Closes { get { lock (_closes) return [.. _closes]; } }

    /// <summary>Virtual time since the chain was made.</summary>
    public TimeSpan Elapsed => Time.GetElapsedTime(_start);

    /// <summary>Pushes <paramref name="bytes"/> bytes arriving now; the task ends when the chain has taken them (a pacing toxic holds it).</summary>
    public Task PushAsync(int bytes)
    {
        IChunkSink head = Chain.Stages.Length > 0 ? Chain.Stages[0] : this;
        return head.SendAsync(Chunk.CopyOf(new byte[bytes], Time.GetTimestamp())).AsTask();
    }

    /// <summary>
    /// Whether <paramref name="count"/> more chunks reached the writer within a real-time bound. A toxic's wait may resume on
    /// the thread pool after the clock moved, so a test waits for what it expects before it moves the clock again.
    /// </summary>
    public async Task<bool> ArrivalsAsync(int count)
    {
        for (int i = 0; i < count; i++)
            if (!await ArrivalAsync()) return false;
        return true;
    }

    /// <remarks>
    /// A toxic's timer created on another thread while <see cref="FakeTimeProvider.Advance"/> runs can miss that advance
    /// and sit due but unfired (a CI run saw it); advancing by zero fires what is due without moving the clock.
    /// </remarks>
    private async Task<bool> ArrivalAsync()
    {
        for (int tries = 0; tries < 500; tries++)
        {
            if (await _arrivals.WaitAsync(TimeSpan.FromMilliseconds(10))) return true;
            Time.Advance(TimeSpan.Zero);
        }
        return false;
    }

    ValueTask IChunkSink.SendAsync(Chunk chunk)
    {
        lock (_sent) _sent.Add(new Sent(chunk.Length, Time.GetElapsedTime(_start, chunk.DueAt), Elapsed));
        chunk.Release();
        _arrivals.Release();
        return ValueTask.CompletedTask;
    }

    void IToxicHost.CloseConnection(CloseMode mode, string reason)
    {
        lock (_closes) _closes.Add((reason, Elapsed));
        _closed.Cancel();
    }

    IPeerEventSink? IToxicHost.Events => null;

    bool IToxicHost.ChunkEventsOn => false;

    void IToxicHost.Emit(string name, KeyValuePair<string, object?>[] fields) { }

    public void Dispose()
    {
        Chain.DetachAll();
        _closed.Dispose();
        _arrivals.Dispose();
    }
}
