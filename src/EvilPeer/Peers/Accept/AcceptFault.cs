using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Peers.Accept;

/// <summary>
/// Faults at connection set-up. What a client sees, given that the kernel, not the peer,
/// completes TCP handshakes:
/// <list type="bullet">
/// <item><b>Refuse</b>: the port is bound (so nobody else takes it) but not listening; connect
/// fails at once with <c>ConnectionRefused</c>.</item>
/// <item><b>CloseAtOnce</b>: connect succeeds; the first read returns 0 (FIN) or throws
/// <c>ConnectionReset</c> (hard reset).</item>
/// <item><b>Delay</b>: connect succeeds at once (the handshake is the kernel's); the client's
/// first byte arrives <see cref="DelayMs"/> later, and bytes it sends sit unread meanwhile.</item>
/// <item><b>NeverAccept</b>: connect still succeeds while the backlog has room; sends are
/// buffered by the kernel until it fills, reads never complete; once the backlog is full new
/// SYNs are dropped and connects hang until their own timeout. Disposing the peer closes the
/// listener and the queued connections get RST.</item>
/// </list>
/// </summary>
public sealed record AcceptFault
{
    public static readonly AcceptFault None = new(AcceptFaultKind.None);
    public static readonly AcceptFault Refuse = new(AcceptFaultKind.Refuse);
    public static readonly AcceptFault NeverAccept = new(AcceptFaultKind.NeverAccept);

    public AcceptFault(AcceptFaultKind kind, int delayMs = 0, bool hardReset = false)
    {
        new Validator("accept fault")
            .Require(Enum.IsDefined(kind), "accept.fault", $"{kind} is not one of {string.Join(", ", Enum.GetNames<AcceptFaultKind>())}")
            .Range("accept.delay", delayMs, kind == AcceptFaultKind.Delay ? 1 : 0,
                kind == AcceptFaultKind.Delay ? Serve.ServeBehaviour.MaxDelayMs : 0, "ms")
            .Require(!hardReset || kind == AcceptFaultKind.CloseAtOnce, "accept.hardReset",
                "only allowed with CloseAtOnce")
            .ThrowIfAny();
        Kind = kind;
        DelayMs = delayMs;
        HardReset = hardReset;
    }

    public AcceptFaultKind Kind { get; }
    public int DelayMs { get; }
    public bool HardReset { get; }

    public static AcceptFault CloseAtOnce(bool hardReset = false) => new(AcceptFaultKind.CloseAtOnce, 0, hardReset);

    public static AcceptFault Delay(int delayMs) => new(AcceptFaultKind.Delay, delayMs);
}
