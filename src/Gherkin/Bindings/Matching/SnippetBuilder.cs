using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Bindings.Matching;

/// <summary>
/// Writes a ready-to-paste step definition for an undefined step: quoted text -> <c>{string}</c>,
/// integers -> <c>{int}</c>, decimals -> <c>{float}</c>, the rest kept as (escaped) Cucumber text.
/// </summary>
internal static partial class SnippetBuilder
{
    public static string Build(CaseStep step)
    {
        var expression = new StringBuilder();
        var parameters = new List<string>();
        var words = new List<string>();
        var last = 0;
        foreach (Match token in Tokens().Matches(step.Text))
        {
            AppendLiteral(expression, words, step.Text[last..token.Index]);
            var (placeholder, type) = token.Groups["q"].Success ? ("{string}", "string")
                : token.Groups["f"].Success ? ("{float}", "double")
                : ("{int}", "int");
            expression.Append(placeholder);
            parameters.Add($"{type} p{parameters.Count}");
            last = token.Index + token.Length;
        }
        AppendLiteral(expression, words, step.Text[last..]);
        if (step.Argument is TableArgument)
            parameters.Add("DataTable dataTable");
        else if (step.Argument is DocStringArgument)
            parameters.Add("string multilineText");
        var keyword = step.KeywordType.ToString();
        var attributeText = expression.ToString().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return $$"""
            [{{keyword}}("{{attributeText}}")]
            public void {{keyword}}{{string.Concat(words)}}({{string.Join(", ", parameters)}})
            {
                throw new PendingStepException();
            }
            """;
    }

    private static void AppendLiteral(StringBuilder expression, List<string> words, string literal)
    {
        foreach (var c in literal)
        {
            if (c is '(' or ')' or '{' or '}' or '/' or '\\')
                expression.Append('\\');
            expression.Append(c);
        }
        foreach (Match word in Word().Matches(literal))
            words.Add(char.ToUpper(word.Value[0], CultureInfo.InvariantCulture) + word.Value[1..]);
    }

    [GeneratedRegex("""(?<q>"[^"]*"|'[^']*')|(?<![\w.])(?:(?<f>-?\d+\.\d+)|-?\d+)(?![\w.])""")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*")]
    private static partial Regex Word();
}
