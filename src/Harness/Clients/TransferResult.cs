namespace ChaosFeatures.Harness.Clients;

/// <summary>How a transfer ended and what moved.</summary>
/// <param name="Outcome">The class of ending (see <see cref="OutcomeClassifier"/>).</param>
/// <param name="BytesReceived">Bytes read from the peer.</param>
/// <param name="BytesSent">Bytes the client's writes completed (accepted by the kernel, not necessarily read by the peer).</param>
/// <param name="Received">The bytes read (download, or an upload's drained reply).</param>
/// <param name="Error">The error's type and message when one ended the transfer; null otherwise.</param>
/// <param name="Duration">From connect to the end.</param>
public sealed record TransferResult(Outcome Outcome, long BytesReceived, long BytesSent, byte[] Received, string? Error, TimeSpan Duration);
