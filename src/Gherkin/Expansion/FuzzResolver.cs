using System.Globalization;
using System.Text.RegularExpressions;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>
/// Resolves fuzzed values in a step text: <c>a..b</c> is an inclusive integer range, and a run of
/// non-whitespace characters containing <c>|</c> is a choice (<c>8|64|1024</c>). Quotes, brackets and
/// trailing punctuation around a choice stay in the text, so <c>"socket|pipe",</c> keeps its quotes and comma.
/// </summary>
internal static partial class FuzzResolver
{
    private const string Leading = "\"'([{";
    private const string Trailing = "\"')]},;:.!?";

    public static string Resolve(string text, int line, SplitMix64 random, List<FuzzedValue> record) =>
        Expression().Replace(text, match => match.Groups["choice"].Success
            ? Choice(match.Value, line, random, record)
            : Range(match, line, random, record));

    private static string Choice(string run, int line, SplitMix64 random, List<FuzzedValue> record)
    {
        var start = run.TakeWhile(c => Leading.Contains(c)).Count();
        var end = run.Length - run.Reverse().TakeWhile(c => Trailing.Contains(c)).Count();
        var expression = end > start ? run[start..end] : run;
        var alternatives = expression.Split('|');
        if (alternatives.Any(a => a.Length == 0))
            throw new ExpansionException(line, 0,
                $"fuzzed choice `{expression}` has an empty alternative; write alternatives separated by single `|`, e.g. `8|64|1024`");
        var value = alternatives[random.NextBelow((ulong)alternatives.Length)];
        record.Add(new FuzzedValue(line, expression, value));
        return run[..start] + value + run[end..];
    }

    private static string Range(Match match, int line, SplitMix64 random, List<FuzzedValue> record)
    {
        if (!long.TryParse(match.Groups["from"].Value, CultureInfo.InvariantCulture, out var from) ||
            !long.TryParse(match.Groups["to"].Value, CultureInfo.InvariantCulture, out var to))
            throw new ExpansionException(line, 0, $"fuzzed range `{match.Value}` has a bound outside the 64-bit integer range");
        if (from > to)
            throw new ExpansionException(line, 0, $"fuzzed range `{match.Value}` is empty; write `a..b` with a <= b, e.g. `{to}..{from}`");

        var span = unchecked((ulong)(to - from));
        var offset = span == ulong.MaxValue ? random.Next() : random.NextBelow(span + 1);
        var value = unchecked(from + (long)offset).ToString(CultureInfo.InvariantCulture);
        record.Add(new FuzzedValue(line, match.Value, value));
        return value;
    }

    [GeneratedRegex(@"(?<choice>\S*\|\S*)|(?<![\w.-])(?<from>-?\d+)\.\.(?<to>-?\d+)(?![\w.])")]
    private static partial Regex Expression();
}
