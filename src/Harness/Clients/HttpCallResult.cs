namespace ChaosFeatures.Harness.Clients;

/// <summary>
/// How an HTTP call ended. <see cref="Outcome"/> speaks of the exchange: <c>completed</c> means a
/// whole response arrived (and matched <see cref="HttpCall.ExpectedBody"/> when given), whatever its
/// status; the status is <see cref="Status"/>. The drivers, which speak of downloads, turn a non-2xx
/// status into <see cref="Clients.Outcome.Error"/> instead.
/// </summary>
/// <param name="Transfer">Bytes, body, error and duration, as for any transfer.</param>
/// <param name="Status">The final response's status code; null when no response headers arrived.</param>
/// <param name="Attempts">Requests that went out on the wire, retries included.</param>
/// <param name="Headers">The final response's headers (content headers included).</param>
public sealed record HttpCallResult(TransferResult Transfer, int? Status, int Attempts, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public Outcome Outcome => Transfer.Outcome;
    public byte[] Body => Transfer.Received;
}
