using System.Net;
using ChaosFeatures.EvilPeer.Http;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Accept;
using ChaosFeatures.EvilPeer.Peers.Consume;
using ChaosFeatures.EvilPeer.Peers.Echo;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.EvilPeer.Validation;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.EvilPeer.Forked;

/// <summary>Between the flat <see cref="FaultTable"/> and the typed <see cref="PeerOptions"/>.</summary>
internal static class FaultTableMapping
{
    public const int MaxPayloadSize = 256 * 1024 * 1024;

    private static readonly Dictionary<string, AcceptFaultKind> AcceptNames = new()
    {
        ["none"] = AcceptFaultKind.None, ["refuse"] = AcceptFaultKind.Refuse, ["close"] = AcceptFaultKind.CloseAtOnce,
        ["delay"] = AcceptFaultKind.Delay, ["never"] = AcceptFaultKind.NeverAccept,
    };

    public static PeerOptions ToOptions(FaultTable t)
    {
        bool known = PeerModes.TryParse(t.Mode, out PeerMode mode);
        var check = new Validator("fault table")
            .Require(known, "mode", $"\"{t.Mode}\" is not one of {PeerModes.Known}")
            .Require(t.Http is null || (known && mode == PeerMode.Http), "http", $"only for mode http (mode is {t.Mode})")
            .Require(IPEndPoint.TryParse(t.Listen ?? "", out _), "listen", $"\"{t.Listen}\" is not host:port")
            .Require(AcceptNames.ContainsKey(t.Accept ?? ""), "accept", $"\"{t.Accept}\" is not one of {string.Join(", ", AcceptNames.Keys)}")
            .Require(t.PayloadBase64 is null || t.PayloadSize is null, "payloadSize", "give payloadBase64 or payloadSize, not both")
            .Range("payloadSize", t.PayloadSize ?? 0, 0, MaxPayloadSize, "bytes");
        byte[] payload = [];
        try
        {
            payload = t.PayloadBase64 is { } b64 ? Convert.FromBase64String(b64) : PayloadGenerator.Generate(t.PayloadSeed, Math.Clamp(t.PayloadSize ?? 0, 0, MaxPayloadSize));
        }
        catch (FormatException)
        {
            check.Require(false, "payloadBase64", "is not valid base64");
        }
        check.ThrowIfAny();

        // The behaviour and the TLS options validate themselves; their errors are gathered so the table's come all at once.
        var errors = new List<string>();
        PeerBehaviour? behaviour = Collect(errors, () => mode switch
        {
            PeerMode.Serve => new ServeBehaviour(payload, t.Slice, t.Delay, t.CloseAfter, t.HardReset, t.Hold, t.HalfOpen),
            PeerMode.Consume => new ConsumeBehaviour(t.ReadSize, t.Delay, t.StopAfter, t.Hold, t.HardReset),
            PeerMode.Http => new HttpBehaviour((t.Http ?? new HttpTable()).ToScript()),
            _ => (PeerBehaviour)new EchoBehaviour(),
        });
        TlsOptions? tls = t.Tls is null ? null : Collect(errors, t.Tls.ToOptions);
        if (errors.Count > 0) throw new OptionsValidationException("fault table", errors);
        var accept = new AcceptFault(AcceptNames[t.Accept!], t.AcceptDelay, t.AcceptHardReset);
        return new PeerOptions(t.Name, behaviour!, IPEndPoint.Parse(t.Listen!), accept, t.MaxConnections,
            t.NoDelay, t.ReceiveBufferSize, t.SendBufferSize, tls);
    }

    private static T? Collect<T>(List<string> errors, Func<T> build) where T : class
    {
        try { return build(); }
        catch (OptionsValidationException e)
        {
            errors.AddRange(e.Errors);
            return null;
        }
    }

    public static FaultTable FromOptions(PeerOptions o)
    {
        var t = new FaultTable
        {
            Name = o.Name, Listen = o.Listen.ToString(), Mode = PeerModes.Name(o.Behaviour.Mode),
            Accept = AcceptNames.First(kv => kv.Value == o.AcceptFault.Kind).Key,
            AcceptDelay = o.AcceptFault.DelayMs, AcceptHardReset = o.AcceptFault.HardReset,
            MaxConnections = o.MaxConnections, NoDelay = o.NoDelay,
            ReceiveBufferSize = o.ReceiveBufferSize, SendBufferSize = o.SendBufferSize,
            Tls = o.Tls is { } tls ? TlsTable.FromOptions(tls) : null,
        };
        switch (o.Behaviour)
        {
            case ServeBehaviour s:
                (t.PayloadBase64, t.Slice, t.Delay, t.CloseAfter, t.HardReset, t.Hold, t.HalfOpen) =
                    (Convert.ToBase64String(s.Payload.Span), s.Slice, s.DelayMs, s.CloseAfter, s.HardReset, s.HoldMs, s.HalfOpen);
                break;
            case HttpBehaviour h:
                t.Http = HttpTable.FromScript(h.Script);
                break;
            case ConsumeBehaviour c:
                (t.ReadSize, t.Delay, t.StopAfter, t.Hold, t.HardReset) = (c.ReadSize, c.DelayMs, c.StopAfter, c.HoldMs, c.HardReset);
                break;
        }
        return t;
    }
}
