namespace ChaosFeatures.EvilPeer.EvilClients.DeclaredFrame;

/// <summary>How a frame declares its length, for <see cref="DeclaredFrameBehaviour"/>.</summary>
public enum FrameHeader
{
    /// <summary>4 bytes, network order: the common length-prefixed framing (up to 4294967295).</summary>
    UInt32BigEndian,

    /// <summary>4 bytes, little-endian (up to 4294967295).</summary>
    UInt32LittleEndian,

    /// <summary>2 bytes, network order (up to 65535).</summary>
    UInt16BigEndian,

    /// <summary>8 bytes, network order.</summary>
    UInt64BigEndian,

    /// <summary>Redis's protocol: a one-argument command whose bulk string declares the length, <c>*1\r\n$N\r\n</c>.</summary>
    RespBulkString,

    /// <summary>An HTTP/1.1 request head with <c>Content-Length: N</c>.</summary>
    HttpContentLength,
}
