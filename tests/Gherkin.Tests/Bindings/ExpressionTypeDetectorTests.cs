using ChaosFeatures.Gherkin.Bindings.Expressions;

namespace ChaosFeatures.Gherkin.Tests.Bindings;

public class ExpressionTypeDetectorTests
{
    [Theory]
    [InlineData("^I have (\\d+) cucumbers", ExpressionType.RegularExpression)]
    [InlineData("I have (.*) cucumbers$", ExpressionType.RegularExpression)]
    [InlineData("I have {int} cucumbers", ExpressionType.CucumberExpression)]
    [InlineData("I have {} cucumbers (.*)", ExpressionType.CucumberExpression)]
    [InlineData("I have (.+) cucumbers", ExpressionType.RegularExpression)]
    [InlineData("I have ([a-z]*) cucumbers", ExpressionType.RegularExpression)]
    [InlineData("I have .* cucumbers", ExpressionType.RegularExpression)]
    [InlineData("version 1\\.2", ExpressionType.RegularExpression)]
    [InlineData("I have \\d+ cucumbers", ExpressionType.RegularExpression)]
    [InlineData("I have cucumber(s)", ExpressionType.CucumberExpression)]
    [InlineData("plain text", ExpressionType.CucumberExpression)]
    public void Detects_the_expression_type_like_Reqnroll(string expression, ExpressionType expected) =>
        ExpressionTypeDetector.Resolve(expression, ExpressionType.Unspecified).Should().Be(expected);

    [Fact]
    public void An_explicit_type_wins() =>
        ExpressionTypeDetector.Resolve("^looks like regex$", ExpressionType.CucumberExpression).Should().Be(ExpressionType.CucumberExpression);

    [Theory]
    [InlineData("I have (\\d+) cucumbers", "I have 12 cucumbers", true)]
    [InlineData("I have (\\d+) cucumbers", "so I have 12 cucumbers", false)]
    [InlineData("I have (\\d+) cucumbers", "I have 12 cucumbers now", false)]
    [InlineData("^I have (\\d+) cucumbers$", "I have 12 cucumbers", true)]
    public void Regex_definitions_are_anchored_at_both_ends(string pattern, string text, bool matches) =>
        (CompiledExpression.FromRegex(pattern).Match(text) is not null).Should().Be(matches);
}
