using System.Text;

namespace ChaosFeatures.Gherkin.Bindings.Expressions;

internal enum TokenKind { Text, Whitespace, Slash, Optional, Parameter }

internal sealed record Token(TokenKind Kind, string Text);

/// <summary>
/// Splits a Cucumber expression into text, whitespace, <c>/</c>, <c>(optional)</c> and <c>{parameter}</c> tokens.
/// As in Cucumber, only the opening <c>(</c>/<c>{</c> needs escaping; a lone closing one is text.
/// </summary>
internal static class CucumberTokenizer
{
    public static IReadOnlyList<Token> Tokenize(string expression)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 >= expression.Length)
                        throw new FormatException($"Expression ends with an escape character: \"{expression}\".");
                    tokens.Add(new Token(TokenKind.Text, expression[++i].ToString()));
                    break;
                case '{':
                    tokens.Add(new Token(TokenKind.Parameter, ReadUntil(expression, ref i, '}', "{")));
                    break;
                case '(':
                    var optional = ReadUntil(expression, ref i, ')', "({");
                    if (optional.Length == 0)
                        throw new FormatException($"Empty optional text '()' in \"{expression}\".");
                    tokens.Add(new Token(TokenKind.Optional, optional));
                    break;
                case '/':
                    tokens.Add(new Token(TokenKind.Slash, "/"));
                    break;
                default:
                    tokens.Add(new Token(char.IsWhiteSpace(c) ? TokenKind.Whitespace : TokenKind.Text, c.ToString()));
                    break;
            }
        }
        return tokens;
    }

    /// <summary>Reads escaped text up to <paramref name="close"/>; <paramref name="forbidden"/> may not appear unescaped.</summary>
    private static string ReadUntil(string expression, ref int i, char close, string forbidden)
    {
        var start = i;
        var text = new StringBuilder();
        for (i++; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c == '\\' && i + 1 < expression.Length)
                text.Append(expression[++i]);
            else if (c == close)
                return text.ToString();
            else if (forbidden.Contains(c))
                throw new FormatException($"'{c}' inside '{expression[start]}...{close}' at column {i + 1} in \"{expression}\".");
            else
                text.Append(c);
        }
        throw new FormatException($"Missing '{close}' for the '{expression[start]}' at column {start + 1} in \"{expression}\".");
    }
}
