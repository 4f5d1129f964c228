using System.Net;
using System.Text;
using ChaosFeatures.EvilPeer.EvilClients.Churn;
using ChaosFeatures.EvilPeer.EvilClients.DeclaredFrame;
using ChaosFeatures.EvilPeer.EvilClients.HalfClose;
using ChaosFeatures.EvilPeer.EvilClients.Hold;
using ChaosFeatures.EvilPeer.EvilClients.NeverRead;
using ChaosFeatures.EvilPeer.EvilClients.Noise;
using ChaosFeatures.EvilPeer.EvilClients.Slowloris;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.EvilClients.Forked;

/// <summary>Between the flat <see cref="ClientTable"/> and the typed <see cref="EvilClientOptions"/>.</summary>
internal static class ClientTableMapping
{
    private static readonly string[] Modes = ["hold", "slowloris", "declared_frame", "random", "replay", "churn", "half_close", "never_read"];

    public static EvilClientOptions ToOptions(ClientTable t)
    {
        var check = new Validator("client table")
            .Require(Modes.Contains(t.Mode), "mode", $"\"{t.Mode}\" is not one of {string.Join(", ", Modes)}")
            .Require(IPEndPoint.TryParse(t.Target ?? "", out _), "target", $"\"{t.Target}\" is not ip:port")
            .Require(t.Mode != "declared_frame" || FrameHeaders.Parse(t.Header) is not null, "header", $"\"{t.Header}\" is not one of {FrameHeaders.Names}")
            .Require(t.PayloadBase64 is null || t.PayloadText is null, "payloadText", "give payloadBase64 or payloadText, not both");
        byte[] payload = [];
        try
        {
            payload = t.PayloadBase64 is { } b64 ? Convert.FromBase64String(b64) : Encoding.UTF8.GetBytes(t.PayloadText ?? "");
        }
        catch (FormatException)
        {
            check.Require(false, "payloadBase64", "is not valid base64");
        }
        check.ThrowIfAny();

        EvilClientBehaviour behaviour = t.Mode switch
        {
            "hold" => new HoldBehaviour(t.Hold),
            "slowloris" => new SlowlorisBehaviour(payload, t.Rate, t.Chunk ?? 1, t.Hold),
            "declared_frame" => new DeclaredFrameBehaviour(FrameHeaders.Parse(t.Header)!.Value, t.Declared, t.Body, t.Chunk ?? 64 * 1024, t.Hold),
            "random" => new RandomBytesBehaviour(t.Bytes, t.Chunk ?? 1024, t.Delay, t.Hold),
            "replay" => new ReplayBehaviour(payload, t.Repeat, t.Chunk ?? 0, t.Delay, t.Hold),
            "churn" => new ChurnBehaviour(t.Cycles, t.Delay, payload),
            "never_read" => new NeverReadBehaviour(payload, t.Repeat, t.Hold),
            _ => new HalfCloseBehaviour(payload, t.Hold),
        };
        return new EvilClientOptions(t.Name, IPEndPoint.Parse(t.Target!), behaviour, t.Connections, t.Seed, t.ConnectTimeout,
            t.MaxDuration, t.HardClose, t.AllowNonLoopback);
    }

    public static ClientTable FromOptions(EvilClientOptions o)
    {
        var t = new ClientTable
        {
            Name = o.Name, Target = o.Target.ToString(), Connections = o.Connections, Seed = o.Seed,
            ConnectTimeout = o.ConnectTimeoutMs, MaxDuration = o.MaxDurationMs, HardClose = o.HardClose,
            AllowNonLoopback = o.AllowNonLoopback, Mode = o.Behaviour.Mode,
        };
        switch (o.Behaviour)
        {
            case HoldBehaviour h: t.Hold = h.HoldMs; break;
            case SlowlorisBehaviour s:
                (t.PayloadBase64, t.Rate, t.Chunk, t.Hold) = (Base64(s.Payload), s.BytesPerSecond, s.ChunkBytes, s.HoldMs);
                break;
            case DeclaredFrameBehaviour f:
                (t.Header, t.Declared, t.Body, t.Chunk, t.Hold) = (FrameHeaders.Name(f.Header), f.DeclaredLength, f.BodyBytes, f.ChunkBytes, f.HoldMs);
                break;
            case RandomBytesBehaviour r: (t.Bytes, t.Chunk, t.Delay, t.Hold) = (r.Bytes, r.ChunkBytes, r.DelayMs, r.HoldMs); break;
            case ReplayBehaviour r:
                (t.PayloadBase64, t.Repeat, t.Chunk, t.Delay, t.Hold) = (Base64(r.Payload), r.Repeat, r.ChunkBytes, r.DelayMs, r.HoldMs);
                break;
            case ChurnBehaviour c: (t.Cycles, t.Delay, t.PayloadBase64) = (c.Cycles, c.DelayMs, c.Payload.IsEmpty ? null : Base64(c.Payload)); break;
            case NeverReadBehaviour n: (t.PayloadBase64, t.Repeat, t.Hold) = (Base64(n.Request), n.Repeat, n.HoldMs); break;
            case HalfCloseBehaviour h: (t.PayloadBase64, t.Hold) = (h.Request.IsEmpty ? null : Base64(h.Request), h.HoldMs); break;
        }
        return t;
    }

    private static string Base64(ReadOnlyMemory<byte> bytes) => Convert.ToBase64String(bytes.Span);
}
