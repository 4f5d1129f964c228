namespace ChaosFeatures.EvilPeer.Tests.Proxy.Support;

/// <summary>How reading a socket to its end went: the bytes, how it ended, and how long it took.</summary>
public sealed record ReadOutcome(byte[] Bytes, string End, TimeSpan Elapsed, int Reads);
