using System.Text;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Forked;

/// <summary>Enum values in fault tables and on the command line are kebab-case: <c>StopAfterServerHello</c> is <c>stop-after-server-hello</c>.</summary>
internal static class TableNames
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var text = new StringBuilder();
        foreach (char c in value.ToString())
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    /// <summary>The value named <paramref name="name"/>; an unknown name is recorded on <paramref name="check"/> with the known ones.</summary>
    public static TEnum Parse<TEnum>(string? name, string field, Validator check) where TEnum : struct, Enum
    {
        foreach (TEnum value in Enum.GetValues<TEnum>())
            if (Of(value) == name) return value;
        check.Require(false, field, $"\"{name}\" is not one of {string.Join(", ", Enum.GetValues<TEnum>().Select(Of))}");
        return default;
    }
}
