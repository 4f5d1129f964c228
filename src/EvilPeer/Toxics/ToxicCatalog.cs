using System.Globalization;
using System.Text.Json;
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
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Toxics;

/// <summary>
/// Builds typed toxic options from Toxiproxy's loose shape (type name, stream name, toxicity,
/// attribute map), e.g. from a JSON body. Every problem — unknown type or stream, unknown
/// attribute, wrong value type, value out of range — comes back in one <see cref="OptionsValidationException"/>.
/// </summary>
public static class ToxicCatalog
{
    private static readonly Dictionary<string, Func<AttributeReader, ToxicOptions>> Factories = new()
    {
        [LatencyOptions.TypeName] = r => new LatencyOptions { Latency = r.Long("latency", 0), Jitter = r.Long("jitter", 0) },
        [BandwidthOptions.TypeName] = r => new BandwidthOptions { Rate = r.Long("rate", 1000) },
        [SlowCloseOptions.TypeName] = r => new SlowCloseOptions { Delay = r.Long("delay", 0) },
        [TimeoutOptions.TypeName] = r => new TimeoutOptions { Timeout = r.Long("timeout", 0) },
        [ResetPeerOptions.TypeName] = r => new ResetPeerOptions { Timeout = r.Long("timeout", 0) },
        [SlicerOptions.TypeName] = r => new SlicerOptions
        {
            AverageSize = r.Long("average_size", 1), SizeVariation = r.Long("size_variation", 0), Delay = r.Long("delay", 0),
        },
        [LimitDataOptions.TypeName] = r => new LimitDataOptions { Bytes = r.Long("bytes", 0) },
        [LimitTimeOptions.TypeName] = r => new LimitTimeOptions { Time = r.Long("time", 1000), Close = r.CloseMode("close", CloseMode.Fin) },
        [CorruptOptions.TypeName] = r => new CorruptOptions { Offset = r.Long("offset", -1), Bit = r.Long("bit", 0), Rate = r.Double("rate", 0) },
        [ConnectRefuseOptions.TypeName] = _ => new ConnectRefuseOptions(),
        [ConnectHangOptions.TypeName] = _ => new ConnectHangOptions(),
        [ConnectDelayOptions.TypeName] = r => new ConnectDelayOptions { Delay = r.Long("delay", 1000) },
        [ConnectCloseOptions.TypeName] = r => new ConnectCloseOptions { Close = r.CloseMode("close", CloseMode.Fin) },
    };

    public static IReadOnlyCollection<string> KnownTypes { get; } = Factories.Keys.Order().ToArray();

    /// <param name="stream"><c>upstream</c> or <c>downstream</c> (default).</param>
    /// <param name="attributes">Values may be numbers, strings or <see cref="JsonElement"/>s.</param>
    public static ToxicOptions Create(string type, IReadOnlyDictionary<string, object?>? attributes = null,
        string? name = null, string? stream = null, double toxicity = 1.0)
    {
        var validator = new Validator($"{type} toxic '{name ?? $"{type}_{stream ?? "downstream"}"}'");
        if (!Factories.TryGetValue(type ?? "", out var factory))
        {
            validator.Require(false, "type", $"'{type}' is not a known toxic type (known: {string.Join(", ", KnownTypes)})");
            validator.ThrowIfAny();
        }
        ToxicStream parsedStream = ToxicStream.Downstream;
        if (stream is not null && TryParseStream(stream, out ToxicStream named)) parsedStream = named;
        else if (stream is not null)
            validator.Require(false, "stream", $"'{stream}' is not one of upstream, downstream");

        var reader = new AttributeReader(type!, attributes ?? new Dictionary<string, object?>(), validator);
        ToxicOptions options = factory!(reader) with { Name = name, Stream = parsedStream, Toxicity = toxicity };
        reader.RejectUnknown();
        options.CollectErrors(validator);
        validator.ThrowIfAny();
        return options;
    }

    public static bool TryParseStream(string text, out ToxicStream stream)
    {
        stream = text.ToLower(CultureInfo.InvariantCulture) switch
        {
            "upstream" => ToxicStream.Upstream,
            "downstream" => ToxicStream.Downstream,
            _ => (ToxicStream)(-1),
        };
        return Enum.IsDefined(stream);
    }
}
