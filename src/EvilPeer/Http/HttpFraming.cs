namespace ChaosFeatures.EvilPeer.Http;

/// <summary>How a response says where its body ends.</summary>
public enum HttpFraming
{
    /// <summary><c>Content-Length</c> (which may lie: <see cref="HttpResponsePlan.ContentLengthDelta"/>).</summary>
    ContentLength,

    /// <summary><c>Transfer-Encoding: chunked</c> (which may break: <see cref="HttpResponsePlan.ChunkFault"/>).</summary>
    Chunked,

    /// <summary>No length at all: the body ends where the peer closes the connection (HTTP/1.0 style).</summary>
    CloseDelimited,
}
