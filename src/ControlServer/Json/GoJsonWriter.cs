using System.Globalization;
using System.Text;

namespace ChaosFeatures.Control.Json;

/// <summary>
/// Writes JSON byte for byte as Toxiproxy's Go <c>encoding/json</c> does (built with Go 1.19), so a
/// strict client or a diff against the real server sees the same text: fields in the order the
/// caller writes them, <c>&lt;&gt;&amp;</c> as <c>\u003c</c>-style escapes, floats in Go's shortest form.
/// </summary>
internal sealed class GoJsonWriter
{
    private readonly StringBuilder _text = new();
    private bool _needsComma;

    public GoJsonWriter BeginObject() => Open('{');

    public GoJsonWriter EndObject() => Close('}');

    public GoJsonWriter BeginArray() => Open('[');

    public GoJsonWriter EndArray() => Close(']');

    public GoJsonWriter Name(string name)
    {
        Separate();
        Quote(name);
        _text.Append(':');
        _needsComma = false;
        return this;
    }

    public GoJsonWriter String(string value)
    {
        Separate();
        Quote(value);
        return this;
    }

    public GoJsonWriter Number(long value) => Raw(value.ToString(CultureInfo.InvariantCulture));

    public GoJsonWriter Number(float value) => Raw(GoFloat.Format(value, 32));

    public GoJsonWriter Number(double value) => Raw(GoFloat.Format(value, 64));

    public GoJsonWriter Bool(bool value) => Raw(value ? "true" : "false");

    public GoJsonWriter Null() => Raw("null");

    /// <summary>A value of an attribute map: long, double or string.</summary>
    public GoJsonWriter Value(object value) => value switch
    {
        long l => Number(l),
        double d => Number(d),
        float f => Number(f),
        bool b => Bool(b),
        _ => String(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    public GoJsonWriter Raw(string json)
    {
        Separate();
        _text.Append(json);
        return this;
    }

    public override string ToString() => _text.ToString();

    private GoJsonWriter Open(char bracket)
    {
        Separate();
        _text.Append(bracket);
        _needsComma = false;
        return this;
    }

    private GoJsonWriter Close(char bracket)
    {
        _text.Append(bracket);
        _needsComma = true;
        return this;
    }

    private void Separate()
    {
        if (_needsComma) _text.Append(',');
        _needsComma = true;
    }

    private void Quote(string value)
    {
        _text.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': _text.Append("\\\""); break;
                case '\\': _text.Append("\\\\"); break;
                case '\n': _text.Append("\\n"); break;
                case '\r': _text.Append("\\r"); break;
                case '\t': _text.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                case >= '\uD800' and <= '\uDBFF' when i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]):
                    _text.Append(c).Append(value[++i]);
                    break;
                case >= '\uD800' and <= '\uDFFF':
                    _text.Append("\\ufffd"); // Go writes invalid UTF-8 (a lone surrogate here) as U+FFFD
                    break;
                default: _text.Append(c); break;
            }
        }
        _text.Append('"');
    }
}
