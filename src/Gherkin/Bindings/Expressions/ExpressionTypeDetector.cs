using System.Text.RegularExpressions;

namespace ChaosFeatures.Gherkin.Bindings.Expressions;

/// <summary>Reqnroll's rules for telling a regex from a Cucumber expression when the attribute does not say.</summary>
internal static partial class ExpressionTypeDetector
{
    public static ExpressionType Resolve(string expression, ExpressionType declared)
    {
        if (declared != ExpressionType.Unspecified)
            return declared;
        if (expression.StartsWith('^') || expression.EndsWith('$'))
            return ExpressionType.RegularExpression;
        if (CucumberParameter().IsMatch(expression))
            return ExpressionType.CucumberExpression;
        return RegexHint().IsMatch(expression) ? ExpressionType.RegularExpression : ExpressionType.CucumberExpression;
    }

    [GeneratedRegex(@"(?<!\\)\{\w*\}")]
    private static partial Regex CucumberParameter();

    // (...+) or (...*) groups, .*, \. and \d+ only make sense as regex.
    [GeneratedRegex(@"\([^)]*[+*]\)|\.\*|\\\.|\\d\+")]
    private static partial Regex RegexHint();
}
