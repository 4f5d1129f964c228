namespace ChaosFeatures.EvilPeer.Toxics.Chain;

/// <summary>The next stage of a chain: another toxic, or the writer at the tail.</summary>
internal interface IChunkSink
{
    /// <summary>Takes ownership of the chunk's buffer.</summary>
    ValueTask SendAsync(Chunk chunk);
}
