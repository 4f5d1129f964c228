using ChaosFeatures.Control.Json;
using ChaosFeatures.EvilPeer.Toxics.Bandwidth;
using ChaosFeatures.EvilPeer.Toxics.Connect;
using ChaosFeatures.EvilPeer.Toxics.Corrupt;
using ChaosFeatures.EvilPeer.Toxics.Latency;
using ChaosFeatures.EvilPeer.Toxics.LimitData;
using ChaosFeatures.EvilPeer.Toxics.LimitTime;
using ChaosFeatures.EvilPeer.Toxics.ResetPeer;
using ChaosFeatures.EvilPeer.Toxics.Slicer;
using ChaosFeatures.EvilPeer.Toxics.SlowClose;
using ChaosFeatures.EvilPeer.Toxics.Timeout;

namespace ChaosFeatures.Control.Toxics;

/// <summary>
/// Every toxic type the API accepts: Toxiproxy's eight (attributes in its struct order, Go zero
/// values as defaults) and ours (EvilPeer's defaults and ranges). Values Toxiproxy accepts but
/// cannot survive (a negative bandwidth, a slicer that recurses forever) are refused with a 400.
/// </summary>
internal static class ToxicTypes
{
    private const long Hour = 3_600_000;

    private static readonly ToxicType[] All =
    [
        new("latency", "LatencyToxic", [Int64("latency"), Int64("jitter")], v => new LatencyOptions
        {
            Latency = v.Clamped("latency", 0, LatencyOptions.MaxMilliseconds),
            // Toxiproxy draws rand.Int63n(2*jitter): a jitter of 2^62 or more overflows and panics.
            Jitter = Math.Clamp(v.Crashless("jitter", long.MinValue, long.MaxValue / 2, "ms; Toxiproxy crashes on more"), 0, LatencyOptions.MaxMilliseconds),
        }),
        new("bandwidth", "BandwidthToxic", [Int64("rate")], v => new BandwidthOptions
        {
            // Toxiproxy slices p.Data[:rate*100]: a negative rate, or one whose *100 overflows, panics the server.
            Rate = Math.Min(v.Crashless("rate", 0, long.MaxValue / 100, "KB/s, 0 stalls; Toxiproxy crashes outside it"), BandwidthOptions.MaxRate),
        }),
        new("slow_close", "SlowCloseToxic", [Int64("delay")], v => new SlowCloseOptions { Delay = v.Clamped("delay", 0, Hour) }),
        new("timeout", "TimeoutToxic", [Int64("timeout")], v => new TimeoutOptions { Timeout = v.Clamped("timeout", 0, Hour) }),
        new("reset_peer", "ResetToxic", [Int64("timeout")], v => new ResetPeerOptions { Timeout = v.Clamped("timeout", 0, Hour) }),
        new("slicer", "SlicerToxic", [Int("average_size"), Int("size_variation"), Int("delay")], Slicer),
        new("limit_data", "LimitDataToxic", [Int64("bytes")], v => new LimitDataOptions { Bytes = v.Clamped("bytes", 0, LimitDataOptions.MaxBytes) }),
        new("noop", "NoopToxic", [], _ => null),

        new("limit_time", "LimitTimeToxic", [Int64("time", 1000), Text("close", "fin")],
            v => new LimitTimeOptions { Time = v.Long("time"), Close = v.CloseMode("close") }),
        new("corrupt", "CorruptToxic", [Int64("offset", -1L), Int64("bit"), new AttributeSpec("rate", GoKind.Float64, 0.0)],
            v => new CorruptOptions { Offset = v.Long("offset"), Bit = v.Long("bit"), Rate = v.Double("rate") }),
        new("connect_refuse", "ConnectRefuseToxic", [], _ => new ConnectRefuseOptions()),
        new("connect_hang", "ConnectHangToxic", [], _ => new ConnectHangOptions()),
        new("connect_delay", "ConnectDelayToxic", [Int64("delay", 1000)], v => new ConnectDelayOptions { Delay = v.Long("delay") }),
        new("connect_close", "ConnectCloseToxic", [Text("close", "fin")], v => new ConnectCloseOptions { Close = v.CloseMode("close") }),
    ];

    /// <summary>Types a Toxiproxy client knows; a proxy carrying only these lists exactly as Toxiproxy lists it.</summary>
    public static IReadOnlySet<string> ToxiproxyTypes { get; } =
        new HashSet<string> { "latency", "bandwidth", "slow_close", "timeout", "reset_peer", "slicer", "limit_data", "noop" };

    public static ToxicType? Find(string name) => Array.Find(All, t => t.Name == name);

    private static SlicerOptions Slicer(AttributeValues v)
    {
        // Toxiproxy's slicer bisects recursively: average_size <= 0 recurses until the stack overflows,
        // and a size_variation below 1 - average_size or above average_size cuts slices out of bounds.
        // Either kills the whole server, so both are refused here.
        long average = v.Crashless("average_size", 1, long.MaxValue, "bytes; Toxiproxy crashes on less");
        v.Crashless("size_variation", 1 - average, average, "bytes, from 1 - average_size to average_size; Toxiproxy crashes outside it");
        long size = Math.Min(average, 1_048_576);
        return new SlicerOptions
        {
            AverageSize = size,
            SizeVariation = v.Clamped("size_variation", 0, size - 1),
            Delay = v.Clamped("delay", 0, 60_000_000),
        };
    }

    private static AttributeSpec Int64(string name, long fallback = 0) => new(name, GoKind.Int64, fallback);

    private static AttributeSpec Int(string name) => new(name, GoKind.Int, 0L);

    private static AttributeSpec Text(string name, string fallback) => new(name, GoKind.String, fallback);
}
