using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.Control.Toxics;

/// <summary>A toxic's attribute values by name, for building its EvilPeer options.</summary>
internal sealed class AttributeValues(ToxicType type, object[] values)
{
    public long Long(string name) => (long)values[Index(name)];

    public double Double(string name) => (double)values[Index(name)];

    public string String(string name) => (string)values[Index(name)];

    /// <summary>What Toxiproxy does with a value below <paramref name="min"/> or above <paramref name="max"/> is what the bound does.</summary>
    public long Clamped(string name, long min, long max) => Math.Clamp(Long(name), min, max);

    /// <summary>A 400 naming the field when the value is one that crashes Toxiproxy's whole server.</summary>
    public long Crashless(string name, long min, long max, string why)
    {
        long value = Long(name);
        new Validator($"{type.Name} toxic")
            .Range($"{type.Name}.{name}", value, min, max, $"({why})")
            .ThrowIfAny();
        return value;
    }

    public CloseMode CloseMode(string name)
    {
        string text = String(name);
        if (text.Equals("fin", StringComparison.OrdinalIgnoreCase)) return EvilPeer.Toxics.CloseMode.Fin;
        if (text.Equals("rst", StringComparison.OrdinalIgnoreCase)) return EvilPeer.Toxics.CloseMode.Rst;
        throw new OptionsValidationException($"{type.Name} toxic", [$"{type.Name}.{name}: '{text}' is not one of fin, rst"]);
    }

    private int Index(string name)
    {
        for (int i = 0; i < type.Attributes.Count; i++) if (type.Attributes[i].Name == name) return i;
        throw new ArgumentException($"{type.Name} has no attribute {name}", nameof(name));
    }
}
