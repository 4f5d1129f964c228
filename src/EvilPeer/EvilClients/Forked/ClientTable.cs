using System.Text.Json;
using System.Text.Json.Serialization;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.EvilClients.Forked;

/// <summary>
/// The JSON shape of <see cref="EvilClientOptions"/>: what a parent writes, as one line, on the
/// stdin of <c>evilpeer client</c>, and what <c>evilpeer client --table file.json</c> reads. Flat,
/// like the peer's fault table; absent fields take the behaviour's defaults, unknown ones are rejected.
/// <code>
/// {"name":"E","target":"127.0.0.1:6379","connections":1,"seed":1,"connectTimeout":5000,"maxDuration":30000,
///  "hardClose":false,"allowNonLoopback":false,
///  "mode":"hold|slowloris|declared_frame|random|replay|churn|half_close|never_read",
///  "hold":0,"delay":0,"chunk":null,"payloadBase64":"...","payloadText":"...",
///  "rate":1,"header":"u32be|u32le|u16be|u64be|resp|http","declared":0,"body":0,
///  "bytes":0,"repeat":1,"cycles":1}
/// </code>
/// <c>payloadBase64</c>/<c>payloadText</c> is slowloris's payload, replay's bytes, churn's payload and half-close's and never-read's request.
/// </summary>
public sealed class ClientTable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public string Name { get; set; } = "E";
    public string Target { get; set; } = "";
    public int Connections { get; set; } = 1;
    public ulong Seed { get; set; } = 1;
    public int ConnectTimeout { get; set; } = EvilClientOptions.DefaultConnectTimeoutMs;
    public int MaxDuration { get; set; } = EvilClientOptions.DefaultMaxDurationMs;
    public bool HardClose { get; set; }
    public bool AllowNonLoopback { get; set; }
    public string Mode { get; set; } = "hold";
    public int Hold { get; set; }
    public int Delay { get; set; }
    public int? Chunk { get; set; }
    public string? PayloadBase64 { get; set; }
    public string? PayloadText { get; set; }
    public int Rate { get; set; } = 1;
    public string Header { get; set; } = "u32be";
    public long Declared { get; set; }
    public long Body { get; set; }
    public long Bytes { get; set; }
    public int Repeat { get; set; } = 1;
    public int Cycles { get; set; } = 1;

    /// <exception cref="OptionsValidationException">Not JSON, or a field of the wrong type or unknown.</exception>
    public static ClientTable Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ClientTable>(json, Json)
                ?? throw new OptionsValidationException("client table", ["json: null is not a client table"]);
        }
        catch (JsonException e)
        {
            throw new OptionsValidationException("client table", [$"json: {e.Message}"]);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Build validated options; the table's own errors are reported together, then the behaviour's and the options'.</summary>
    public EvilClientOptions ToOptions() => ClientTableMapping.ToOptions(this);

    public static ClientTable FromOptions(EvilClientOptions options) => ClientTableMapping.FromOptions(options);
}
