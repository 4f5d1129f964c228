using System.Text.Encodings.Web;
using System.Text.Json;
using Serilog.Events;
using Serilog.Formatting;

namespace ChaosFeatures.Harness.EventLog;

/// <summary>
/// One JSON object per line: <c>t</c>, <c>test</c>, <c>kind</c>, <c>actor</c>, <c>event</c> first, then every
/// other property. Written by hand (Utf8JsonWriter) because Serilog.Formatting.Compact is not restorable here.
/// </summary>
public sealed class ChaosJsonFormatter : ITextFormatter
{
    private static readonly string[] Leading = ["t", "test", "kind", "actor", "event"];
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            foreach (var name in Leading)
                if (logEvent.Properties.TryGetValue(name, out var value)) Write(json, name, value);
            foreach (var (name, value) in logEvent.Properties)
                if (Array.IndexOf(Leading, name) < 0) Write(json, name, value);
            if (logEvent.Exception is not null) json.WriteString("exception", logEvent.Exception.ToString());
            json.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }

    private static void Write(Utf8JsonWriter json, string name, LogEventPropertyValue value)
    {
        json.WritePropertyName(name);
        switch ((value as ScalarValue)?.Value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case long l: json.WriteNumberValue(l); break;
            case int i: json.WriteNumberValue(i); break;
            case ulong u: json.WriteNumberValue(u); break;
            case var other: json.WriteStringValue(value is ScalarValue ? Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) : value.ToString()); break;
        }
    }
}
