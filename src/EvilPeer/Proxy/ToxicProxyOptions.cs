using System.Net;
using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Tls;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Proxy;

/// <summary>Where a <see cref="ToxicProxy"/> listens, where it forwards to, and how it is observed.</summary>
public sealed record ToxicProxyOptions
{
    /// <summary>Actor name in events, e.g. <c>redis</c>. 1..200 characters.</summary>
    public string Name { get; init; } = "proxy";

    /// <summary><c>ip:port</c>; port 0 picks a free one (see <see cref="ToxicProxy.ListenEndpoint"/>).</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary><c>host:port</c> of the real server.</summary>
    public string Upstream { get; init; } = "";

    /// <summary>Root of every toxicity draw and toxic effect: the same seed gives the same draws.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// When true, <see cref="Upstream"/> is only required to be non-empty: text that is not host:port
    /// is accepted and each client is closed when the dial fails, as Toxiproxy's API does.
    /// </summary>
    public bool UpstreamCheckedAtDial { get; init; }

    public IPeerEventSink? Events { get; init; }

    /// <summary>
    /// Terminate TLS towards the clients, with its faults: the proxy presents the certificate, runs the
    /// handshake before it dials upstream, and pumps plaintext, so the toxics act on application bytes.
    /// The upstream leg stays plain TCP. Null = a plain TCP listener. Validated when it was built.
    /// </summary>
    public TlsOptions? Tls { get; init; }

    /// <summary>Emit a <c>read</c> and a <c>write</c> event per chunk (default); false keeps only connection and toxic decisions.</summary>
    public bool ByteEvents { get; init; } = true;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Receive buffer per direction during bulk transfers, 4096..16777216 bytes. Idle connections
    /// hold none, and a burst starts with 64 KiB, moving up only once it fills that.
    /// 1 MiB because a bulk transfer then needs a quarter of the reads, writes and wake-ups of
    /// 256 KiB: on 2 cores that lifted passthrough from about 0.5x to 0.6x of a direct socket.
    /// </summary>
    public int BufferSize { get; init; } = 1024 * 1024;

    /// <summary>Chunks a direction may hold in flight behind delaying toxics, 1..65536 (bounds memory; 100 ms of latency needs ~10 MB for 100 MB/s).</summary>
    public int MaxQueuedChunks { get; init; } = 1024;

    public void Validate()
    {
        new Validator($"proxy '{Name}'")
            .Require(Name is { Length: > 0 and <= 200 }, "name", "must be 1..200 characters")
            .Require(IPEndPoint.TryParse(Listen ?? "", out _), "listen", $"'{Listen}' is not ip:port (port 0..65535)")
            .Require(UpstreamCheckedAtDial ? !string.IsNullOrEmpty(Upstream) : TryParseHostPort(Upstream, out _, out _),
                "upstream", $"'{Upstream}' is not host:port (port 1..65535)")
            .Require(TimeProvider is not null, "time_provider", "must not be null")
            .Range("buffer_size", BufferSize, 4096, 16 * 1024 * 1024, "bytes")
            .Range("max_queued_chunks", MaxQueuedChunks, 1, 65_536)
            .ThrowIfAny();
    }

    internal static bool TryParseHostPort(string? text, out string host, out int port)
    {
        host = "";
        port = 0;
        int colon = text?.LastIndexOf(':') ?? -1;
        if (colon <= 0) return false;
        host = text![..colon].Trim('[', ']');
        return int.TryParse(text[(colon + 1)..], out port) && port is > 0 and <= 65535;
    }
}
