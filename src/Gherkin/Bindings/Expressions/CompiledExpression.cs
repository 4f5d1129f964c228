using System.Text.RegularExpressions;

namespace ChaosFeatures.Gherkin.Bindings.Expressions;

/// <summary>An anchored regex plus the slots it captures; built once at discovery.</summary>
internal sealed class CompiledExpression(Regex regex, IReadOnlyList<ExpressionSlot> slots)
{
    public Regex Regex { get; } = regex;

    public IReadOnlyList<ExpressionSlot> Slots { get; } = slots;

    public static CompiledExpression FromRegex(string pattern)
    {
        // Reqnroll anchors regex step definitions at both ends unless the author already did.
        var anchored = (pattern.StartsWith('^') ? "" : "^") + pattern + (pattern.EndsWith('$') ? "" : "$");
        var regex = new Regex(anchored, RegexOptions.CultureInvariant);
        var slots = regex.GetGroupNumbers().Where(n => n > 0).Select(n => new ExpressionSlot(n, 0, null)).ToArray();
        return new CompiledExpression(regex, slots);
    }

    public CapturedArgument[]? Match(string text)
    {
        var match = Regex.Match(text);
        if (!match.Success)
            return null;
        var captured = new CapturedArgument[Slots.Count];
        for (var i = 0; i < captured.Length; i++)
        {
            var slot = Slots[i];
            var group = match.Groups[slot.Group];
            var inner = new string[slot.InnerGroupCount];
            for (var k = 0; k < inner.Length; k++)
                inner[k] = match.Groups[slot.Group + 1 + k].Value;
            captured[i] = slot.Type is { StripQuotes: true } && group.Length >= 2
                ? new CapturedArgument(group.Index + 1, Unquote(group.Value), inner, slot.Type)
                : new CapturedArgument(group.Index, group.Value, inner, slot.Type);
        }
        return captured;
    }

    private static string Unquote(string quoted)
    {
        var quote = quoted[0];
        return quoted[1..^1].Replace("\\" + quote, quote.ToString(), StringComparison.Ordinal);
    }
}
