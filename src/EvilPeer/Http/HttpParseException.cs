namespace ChaosFeatures.EvilPeer.Http;

/// <summary>The client sent something that is not an HTTP/1.1 request; the peer answers 400 and closes.</summary>
internal sealed class HttpParseException(string message) : Exception(message);
