namespace ChaosFeatures.EvilPeer.Http;

/// <summary>How chunked framing breaks. After the break the response ends as <see cref="HttpResponsePlan.CutMode"/> says.</summary>
public enum HttpChunkFault
{
    None,

    /// <summary>The last chunk's size line announces it whole, but only its first half is sent.</summary>
    CutMidChunk,

    /// <summary>After the first chunk, the next size line is <c>zz</c>: not hexadecimal.</summary>
    BadChunkSize,
}
