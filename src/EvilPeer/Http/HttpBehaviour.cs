using ChaosFeatures.EvilPeer.Peers;

namespace ChaosFeatures.EvilPeer.Http;

/// <summary>
/// The peer speaks HTTP/1.1: it parses each request (keep-alive and pipelined ones included),
/// records it in <see cref="PeerStats.HttpRequests"/>, and answers with the plan its
/// <see cref="Script"/> picks by request number and path. With <see cref="PeerOptions.Tls"/> it is HTTPS.
/// </summary>
public sealed record HttpBehaviour(HttpScript Script) : PeerBehaviour
{
    /// <summary>Request bodies are recorded up to this size (their full length is always counted).</summary>
    public const int MaxRecordedBodyBytes = 1024 * 1024;

    /// <summary>A forked peer's events carry at most this much of each request body back to the parent.</summary>
    public const int MaxEventBodyBytes = 64 * 1024;

    public HttpScript Script { get; } = Script ?? throw new Validation.OptionsValidationException("http behaviour", ["http.script: is required"]);

    public override PeerMode Mode => PeerMode.Http;

    internal override Task RunAsync(PeerConnection connection) => HttpLoop.RunAsync(this, connection);
}
