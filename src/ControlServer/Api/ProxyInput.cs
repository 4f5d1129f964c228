using System.Text.Json;
using ChaosFeatures.Control.Json;

namespace ChaosFeatures.Control.Api;

/// <summary>
/// The body of a proxy create or update (Toxiproxy's <c>Proxy</c> struct): decoded over defaults,
/// so an update that leaves a field out keeps it. Unknown keys such as the <c>toxics</c> array that
/// the Go client and the CLI send back are ignored.
/// </summary>
internal sealed record ProxyInput(string Name, string Listen, string Upstream, bool Enabled)
{
    private static readonly GoField[] Fields =
    [
        new("name", GoKind.String), new("listen", GoKind.String), new("upstream", GoKind.String),
        new("enabled", GoKind.Bool), new("Logger", GoKind.Object, "zerolog.Logger"),
    ];

    public static ProxyInput Decode(JsonElement body, ProxyInput defaults, string goValueType = "toxiproxy.Proxy", string structPath = "Proxy")
    {
        ProxyInput input = defaults;
        GoDecode.Object(body, goValueType, structPath, Fields, (field, value) => input = field.Name switch
        {
            "name" => input with { Name = value.GetString()! },
            "listen" => input with { Listen = value.GetString()! },
            "upstream" => input with { Upstream = value.GetString()! },
            "enabled" => input with { Enabled = value.GetBoolean() },
            _ => input,
        });
        return input;
    }
}
