namespace ChaosFeatures.EvilPeer.Toxics.Chain;

internal enum ChunkKind
{
    Data,

    /// <summary>The source half-closed: forward a FIN once everything before it is written.</summary>
    Fin,

    /// <summary>A toxic ends the whole connection once everything before it is written (limit_data).</summary>
    Close,
}
