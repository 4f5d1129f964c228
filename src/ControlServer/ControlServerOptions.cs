using ChaosFeatures.EvilPeer.Events;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.Control;

/// <summary>Where a <see cref="ControlServer"/> listens and how its proxies behave.</summary>
public sealed record ControlServerOptions
{
    /// <summary>Toxiproxy's default API port.</summary>
    public const int DefaultPort = 8474;

    /// <summary>An IP address or <c>localhost</c>. Default 127.0.0.1: the API gives control of sockets, so it is not exposed by default.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>0..65535; 0 picks a free port (see <see cref="ControlServer.Url"/>). Default 8474.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Root of every toxicity draw of every proxy (each proxy mixes in its name). Null draws a random one, reported in <see cref="ControlServer.Seed"/> and the first event.</summary>
    public ulong? Seed { get; init; }

    /// <summary>A <c>/populate</c> JSON array applied before the API listens (toxics included). A file that cannot be applied stops the start.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Receives the seed, then every proxy's connection and toxic events.</summary>
    public IPeerEventSink? Events { get; init; }

    /// <summary>Also emit a read and a write event per chunk (off by default: they grow with the traffic).</summary>
    public bool ByteEvents { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public void Validate()
    {
        new Validator("control server options")
            .Require(!string.IsNullOrWhiteSpace(Host), "host", "must be an IP address or localhost")
            .Range("port", Port, 0, 65535)
            .Require(ConfigFile is null || File.Exists(ConfigFile), "config", $"'{ConfigFile}' does not exist")
            .Require(TimeProvider is not null, "time_provider", "must not be null")
            .ThrowIfAny();
    }
}
