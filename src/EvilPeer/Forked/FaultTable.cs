using System.Text.Json;
using System.Text.Json.Serialization;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Forked;

/// <summary>
/// The JSON shape of <see cref="PeerOptions"/>: what a parent writes, as one line, on a forked
/// host's stdin, and what <c>evilpeer --table file.json</c> reads. Flat, like the original
/// harness's fault table; absent fields take the defaults below, unknown fields are rejected.
/// <code>
/// {"name":"EP","listen":"127.0.0.1:0","mode":"serve|consume|echo|http",
///  "payloadBase64":"..." | "payloadSize":1024,"payloadSeed":1,
///  "slice":0,"delay":0,"closeAfter":-1,"hardReset":false,"hold":0,"halfOpen":false,
///  "readSize":16384,"stopAfter":-1,
///  "accept":"none|refuse|close|delay|never","acceptDelay":0,"acceptHardReset":false,
///  "maxConnections":null,"noDelay":true,"receiveBufferSize":0,"sendBufferSize":0,
///  "http":{...HttpTable},"tls":{...TlsTable}}
/// </code>
/// <c>delay</c>, <c>hold</c> and <c>hardReset</c> apply to serve and consume alike. Generated
/// payloads are <see cref="Seeds.PayloadGenerator.Generate"/>(payloadSeed, payloadSize),
/// the same bytes an in-process peer or a stream makes from that seed.
/// </summary>
public sealed class FaultTable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public string Name { get; set; } = "EP";
    public string Listen { get; set; } = "127.0.0.1:0";
    /// <summary>A <see cref="PeerModes"/> name; text here because the table is what the host reads (a bad name is reported with the known ones).</summary>
    public string Mode { get; set; } = PeerModes.Name(PeerMode.Serve);
    public string? PayloadBase64 { get; set; }
    public int? PayloadSize { get; set; }
    public ulong PayloadSeed { get; set; } = 1;
    public int Slice { get; set; }
    public int Delay { get; set; }
    public long CloseAfter { get; set; } = -1;
    public bool HardReset { get; set; }
    public int Hold { get; set; }
    public bool HalfOpen { get; set; }
    public int ReadSize { get; set; } = 16 * 1024;
    public long StopAfter { get; set; } = -1;
    public string Accept { get; set; } = "none";
    public int AcceptDelay { get; set; }
    public bool AcceptHardReset { get; set; }
    public int? MaxConnections { get; set; }
    public bool NoDelay { get; set; } = true;
    public int ReceiveBufferSize { get; set; }
    public int SendBufferSize { get; set; }

    /// <summary>Mode http: the script (see <see cref="HttpTable"/>); absent = 200 with an empty body.</summary>
    public HttpTable? Http { get; set; }

    /// <summary>TLS on every connection, any mode (see <see cref="TlsTable"/>); absent = plain TCP.</summary>
    public TlsTable? Tls { get; set; }

    /// <exception cref="OptionsValidationException">Not JSON, or a field of the wrong type or unknown.</exception>
    public static FaultTable Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<FaultTable>(json, Json)
                ?? throw new OptionsValidationException("fault table", ["json: null is not a fault table"]);
        }
        catch (JsonException e)
        {
            throw new OptionsValidationException("fault table", [$"json: {e.Message}"]);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Build validated options; every error of the table is reported together.</summary>
    public PeerOptions ToOptions() => FaultTableMapping.ToOptions(this);

    public static FaultTable FromOptions(PeerOptions options) => FaultTableMapping.FromOptions(options);
}
