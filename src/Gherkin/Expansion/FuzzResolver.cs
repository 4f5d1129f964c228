using System.Globalization;
using System.Text.RegularExpressions;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>
/// Resolves fuzzed values in a step text: <c>a..b</c> is an inclusive integer range and <c>a|b|c</c> a choice.
/// One rule says where both end: a range bound or an alternative is made of letters, digits, <c>_</c>,
/// <c>.</c> and <c>:</c> (a number may start with <c>-</c>), and the first other character ends it. So
/// <c>1|3|17-byte segments</c> is the choice 1, 3 or 17 followed by <c>-byte segments</c>, and quotes,
/// brackets and punctuation around a choice (<c>"socket|pipe",</c>) stay in the text. A <c>|</c> touching
/// text that does not form such a choice is an error, not a silently wrong step.
/// </summary>
internal static partial class FuzzResolver
{
    public const string Rule = "alternatives are letters, digits, `_`, `.` and `:` (a number may start with `-`) separated by single `|`, e.g. `8|64|1024` or `1|3|17-byte`";

    public static string Resolve(string text, int line, SplitMix64 random, List<FuzzedValue> record)
    {
        var resolved = Expression().Replace(text, match => match.Groups["choice"].Success
            ? Choice(match.Value, line, random, record)
            : Range(match, line, random, record));
        RefuseStrayBars(Expression().Replace(text, " "), line);
        return resolved;
    }

    private static string Choice(string expression, int line, SplitMix64 random, List<FuzzedValue> record)
    {
        var alternatives = expression.Split('|');
        var value = alternatives[random.NextBelow((ulong)alternatives.Length)];
        record.Add(new FuzzedValue(line, expression, value));
        return value;
    }

    private static string Range(Match match, int line, SplitMix64 random, List<FuzzedValue> record)
    {
        if (!long.TryParse(match.Groups["from"].Value, CultureInfo.InvariantCulture, out var from) ||
            !long.TryParse(match.Groups["to"].Value, CultureInfo.InvariantCulture, out var to))
            throw new ExpansionException(line, 0, $"fuzzed range `{match.Value}` has a bound outside the 64-bit integer range");
        if (from > to)
            throw new ExpansionException(line, 0, $"fuzzed range `{match.Value}` is empty; write `a..b` with a <= b, e.g. `{to}..{from}`");

        var span = unchecked((ulong)(to - from));
        var offset = span == ulong.MaxValue ? random.NextUInt64() : random.NextBelow(span + 1);
        var value = unchecked(from + (long)offset).ToString(CultureInfo.InvariantCulture);
        record.Add(new FuzzedValue(line, match.Value, value));
        return value;
    }

    /// <summary>What is left once the expressions are taken out may hold a bar only where it stands apart (<c>a | b</c> is text).</summary>
    private static void RefuseStrayBars(string rest, int line)
    {
        if (StrayBar().Match(rest) is not { Success: true } stray)
            return;
        var what = stray.Value.Contains("||", StringComparison.Ordinal) || stray.Value.StartsWith('|') || stray.Value.EndsWith('|')
            ? "has an empty alternative"
            : "is not a fuzzed choice";
        throw new ExpansionException(line, 0, $"`{stray.Value}` {what}: {Rule}");
    }

    [GeneratedRegex(@"(?<![\w.:|-])(?<choice>-?[\w.:]+(?:\|-?[\w.:]+)+)(?![\w.:|])|(?<![\w.-])(?<from>-?\d+)\.\.(?<to>-?\d+)(?![\w.])")]
    private static partial Regex Expression();

    [GeneratedRegex(@"\S*(?:\S\||\|\S)\S*")]
    private static partial Regex StrayBar();
}
