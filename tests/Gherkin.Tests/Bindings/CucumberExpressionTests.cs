using ChaosFeatures.Gherkin.Bindings.Expressions;

namespace ChaosFeatures.Gherkin.Tests.Bindings;

public class CucumberExpressionTests
{
    private static CompiledExpression Compile(string expression) =>
        CucumberExpressionCompiler.Compile(expression, (name, _) => ParameterType.BuiltIn.GetValueOrDefault(name)
            ?? (name == "color" ? new ParameterType("color", "red|green|blue") : null));

    [Theory]
    [InlineData("I have {int} cucumbers", "I have 42 cucumbers", "42")]
    [InlineData("I have {int} cucumbers", "I have -3 cucumbers", "-3")]
    [InlineData("I have {int} cucumbers", "I have 4.5 cucumbers", null)]
    [InlineData("{long} bytes", "9000000000 bytes", "9000000000")]
    [InlineData("{byte} hops", "7 hops", "7")]
    [InlineData("{float} s", "1.5 s", "1.5")]
    [InlineData("{double} s", "-0.25 s", "-0.25")]
    [InlineData("{decimal} %", "12 %", "12")]
    [InlineData("peer {word} ready", "peer evil-1 ready", "evil-1")]
    [InlineData("peer {word} ready", "peer evil 1 ready", null)]
    [InlineData("it says {string}", "it says \"hello world\"", "hello world")]
    [InlineData("it says {string}", "it says 'single'", "single")]
    [InlineData("it says {string}", "it says \"\"", "")]
    [InlineData("it says {string}", "it says \"a \\\"quoted\\\" word\"", "a \"quoted\" word")]
    [InlineData("anything {} here", "anything goes at all here", "goes at all")]
    [InlineData("I have {int} cucumber(s)", "I have 1 cucumber", "1")]
    [InlineData("I have {int} cucumber(s)", "I have 2 cucumbers", "2")]
    [InlineData("my belly/tummy hurts", "my tummy hurts", "")]
    [InlineData("my belly/tummy hurts", "my belly hurts", "")]
    [InlineData("my belly/tummy hurts", "my stomach hurts", null)]
    [InlineData("a {color} ball", "a green ball", "green")]
    [InlineData("a {color} ball", "a pink ball", null)]
    [InlineData("literal \\(not optional) and \\{braces}", "literal (not optional) and {braces}", "")]
    [InlineData("a/b test", "b test", "")]
    [InlineData("reads 1.5 MB", "reads 1x5 MB", null)]
    [InlineData("the peer serves {int} bytes", "the peer serves 256 bytes and more", null)]
    public void Matches_step_text_and_captures_arguments(string expression, string text, string? expectedArgs)
    {
        var match = Compile(expression).Match(text);

        if (expectedArgs is null)
        {
            match.Should().BeNull();
            return;
        }
        match.Should().NotBeNull();
        string.Join("|", match!.Select(a => a.Value)).Should().Be(expectedArgs);
    }

    [Fact]
    public void Reports_argument_offsets_for_reporters()
    {
        var match = Compile("send {int} bytes to {string}").Match("send 12 bytes to \"C\"")!;

        match.Select(a => (a.Start, a.Value)).Should().Equal((5, "12"), (18, "C"));
    }

    [Theory]
    [InlineData("unknown {thing} type", "Undefined parameter type '{thing}'")]
    [InlineData("unclosed {int", "Missing '}'")]
    [InlineData("empty () optional", "Empty optional text")]
    [InlineData("param in alt {int}/x", "may not contain a parameter")]
    [InlineData("empty alt a/ b", "Empty alternative")]
    public void Rejects_malformed_expressions_with_a_clear_message(string expression, string expected)
    {
        var compile = () => Compile(expression);

        compile.Should().Throw<FormatException>().WithMessage($"*{expected}*");
    }
}
