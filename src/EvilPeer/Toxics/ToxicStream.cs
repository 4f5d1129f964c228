namespace ChaosFeatures.EvilPeer.Toxics;

/// <summary>Which direction a toxic acts on, in Toxiproxy's words.</summary>
public enum ToxicStream
{
    /// <summary>Server to client (Toxiproxy's default).</summary>
    Downstream = 0,

    /// <summary>Client to server.</summary>
    Upstream = 1,
}
