using System.Text;
using System.Text.RegularExpressions;

namespace ChaosFeatures.Gherkin.Bindings.Expressions;

/// <summary>
/// Turns a Cucumber expression into an anchored regex: <c>{type}</c> parameters, optional text
/// <c>cucumber(s)</c>, alternatives <c>belly/tummy</c> (bounded by whitespace) and <c>\</c> escapes.
/// </summary>
internal static class CucumberExpressionCompiler
{
    /// <param name="resolve">Finds the parameter type for <c>{name}</c> at a slot index; null when unknown.</param>
    public static CompiledExpression Compile(string expression, Func<string, int, ParameterType?> resolve)
    {
        var tokens = CucumberTokenizer.Tokenize(expression);
        var pattern = new StringBuilder("^");
        var slots = new List<ExpressionSlot>();
        var nextGroup = 1;
        foreach (var word in SplitWords(tokens))
        {
            if (word.Any(t => t.Kind == TokenKind.Slash))
            {
                AppendAlternation(pattern, word, expression);
                continue;
            }
            foreach (var token in word)
            {
                if (token.Kind != TokenKind.Parameter)
                {
                    pattern.Append(Render(token));
                    continue;
                }
                var type = resolve(token.Text, slots.Count)
                    ?? throw new FormatException($"Undefined parameter type '{{{token.Text}}}' in \"{expression}\".");
                var inner = new Regex(type.Pattern).GetGroupNumbers().Length - 1;
                slots.Add(new ExpressionSlot(nextGroup, inner, type));
                nextGroup += 1 + inner;
                pattern.Append('(').Append(type.Pattern).Append(')');
            }
        }
        pattern.Append('$');
        return new CompiledExpression(new Regex(pattern.ToString(), RegexOptions.CultureInvariant), slots);
    }

    // Whitespace tokens are words of their own so alternations never cross a space.
    private static IEnumerable<List<Token>> SplitWords(IReadOnlyList<Token> tokens)
    {
        var word = new List<Token>();
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Whitespace)
            {
                if (word.Count > 0)
                    yield return word;
                yield return [token];
                word = [];
            }
            else
            {
                word.Add(token);
            }
        }
        if (word.Count > 0)
            yield return word;
    }

    private static void AppendAlternation(StringBuilder pattern, List<Token> word, string expression)
    {
        var alternatives = new List<string>();
        var current = new StringBuilder();
        foreach (var token in word.Append(new Token(TokenKind.Slash, "")))
        {
            if (token.Kind == TokenKind.Parameter)
                throw new FormatException($"An alternative may not contain a parameter type, in \"{expression}\".");
            if (token.Kind != TokenKind.Slash)
            {
                current.Append(Render(token));
                continue;
            }
            if (current.Length == 0)
                throw new FormatException($"Empty alternative in \"{expression}\".");
            alternatives.Add(current.ToString());
            current.Clear();
        }
        pattern.Append("(?:").AppendJoin('|', alternatives).Append(')');
    }

    private static string Render(Token token) => token.Kind switch
    {
        TokenKind.Optional => "(?:" + Regex.Escape(token.Text) + ")?",
        _ => Regex.Escape(token.Text),
    };
}
