using ChaosFeatures.Control.Json;
using ChaosFeatures.Control.Toxics;
using ChaosFeatures.EvilPeer.Toxics;

namespace ChaosFeatures.Control.Model;

/// <summary>
/// A toxic as the API shows it (the stream as sent, the float32 toxicity and attribute values
/// as sent, never range-checked or rounded) and the EvilPeer options that carry it out. Immutable:
/// an update makes a new one.
/// </summary>
internal sealed class ApiToxic
{
    public ApiToxic(string name, ToxicType type, string streamText, ToxicStream stream, float toxicity, object[] values)
    {
        Name = name;
        Type = type;
        StreamText = streamText;
        Stream = stream;
        Toxicity = toxicity;
        Values = values;
        Options = type.Build(name, stream, toxicity, values);
    }

    public string Name { get; }

    public ToxicType Type { get; }

    public string StreamText { get; }

    public ToxicStream Stream { get; }

    public float Toxicity { get; }

    public IReadOnlyList<object> Values { get; }

    /// <summary>What the proxy runs; null for <c>noop</c>.</summary>
    public ToxicOptions? Options { get; }

    public ApiToxic With(float toxicity, object[] values) => new(Name, Type, StreamText, Stream, toxicity, values);

    /// <summary>Same type, stream, toxicity and attributes: re-applying it would only restart its state.</summary>
    public bool SameAs(ApiToxic other) =>
        Type == other.Type && StreamText == other.StreamText && Toxicity.Equals(other.Toxicity) && Values.SequenceEqual(other.Values);

    /// <summary>Toxiproxy's field order: attributes, name, type, stream, toxicity.</summary>
    public void Write(GoJsonWriter json)
    {
        json.BeginObject().Name("attributes").BeginObject();
        for (int i = 0; i < Type.Attributes.Count; i++) json.Name(Type.Attributes[i].Name).Value(Values[i]);
        json.EndObject()
            .Name("name").String(Name)
            .Name("type").String(Type.Name)
            .Name("stream").String(StreamText)
            .Name("toxicity").Number(Toxicity)
            .EndObject();
    }
}
