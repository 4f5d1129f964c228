namespace ChaosFeatures.Harness.Clients;

/// <summary>What differs between our client stacks: how bytes are read, written and the write side closed.</summary>
internal interface ITransport : IAsyncDisposable
{
    /// <summary>0 means EOF.</summary>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>All of <paramref name="data"/> or an exception.</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Half-close: FIN to the peer, reads stay open.</summary>
    ValueTask CompleteWritesAsync();
}
