using System.Globalization;
using System.Text;

namespace ChaosFeatures.Control.Json;

/// <summary>
/// Go's <c>encoding/json</c> float text: the shortest digits that round-trip at the given width,
/// in plain notation unless the magnitude is below 1e-6 or at least 1e21, then <c>1e-7</c> style.
/// So a float32 toxicity of 0.2 is <c>0.2</c>, never <c>0.20000000298023224</c>.
/// </summary>
internal static class GoFloat
{
    public static string Format(double value, int bits)
    {
        if (value == 0) return "0";
        double magnitude = Math.Abs(value);
        string shortest = bits == 32
            ? ((float)magnitude).ToString("R", CultureInfo.InvariantCulture)
            : magnitude.ToString("R", CultureInfo.InvariantCulture);
        (string digits, int point) = Digits(shortest);
        // Go compares at the value's own width: float32(1e-6) is just below 1e-6 as a double.
        bool exponent = bits == 32
            ? (float)magnitude < 1e-6f || (float)magnitude >= 1e21f
            : magnitude < 1e-6 || magnitude >= 1e21;
        var text = new StringBuilder(value < 0 ? "-" : "");
        if (exponent)
        {
            text.Append(digits[0]);
            if (digits.Length > 1) text.Append('.').Append(digits, 1, digits.Length - 1);
            int e = point - 1;
            text.Append('e').Append(e < 0 ? '-' : '+');
            // Go prints at least two exponent digits, then trims "e-07" to "e-7" (but keeps "e+21").
            text.Append(e < 0 ? (-e).ToString(CultureInfo.InvariantCulture) : e.ToString("00", CultureInfo.InvariantCulture));
        }
        else if (point <= 0) text.Append("0.").Append('0', -point).Append(digits);
        else if (point >= digits.Length) text.Append(digits).Append('0', point - digits.Length);
        else text.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
        return text.ToString();
    }

    /// <returns>Significant digits and the position of the decimal point: value = 0.digits x 10^point.</returns>
    private static (string Digits, int Point) Digits(string shortest)
    {
        int exponent = 0;
        int e = shortest.IndexOfAny(['E', 'e']);
        string mantissa = shortest;
        if (e >= 0)
        {
            exponent = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = shortest[..e];
        }
        int dot = mantissa.IndexOf('.');
        int point = (dot < 0 ? mantissa.Length : dot) + exponent;
        string digits = mantissa.Replace(".", "");
        int leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        return (digits.Length == 0 ? "0" : digits, point - leading);
    }
}
