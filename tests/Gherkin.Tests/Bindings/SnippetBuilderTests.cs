using ChaosFeatures.Gherkin.Bindings.Matching;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Tests.Bindings;

public class SnippetBuilderTests
{
    private static CaseStep Step(string text, StepKeywordType type = StepKeywordType.Given, StepArgument? argument = null) =>
        new("And ", type, text, text, 4, argument, null);

    [Theory]
    [InlineData("the peer serves 256 bytes", "[Given(\"the peer serves {int} bytes\")]", "public void GivenThePeerServesBytes(int p0)")]
    [InlineData("client \"C\" reads for 1.5 s", "[Given(\"client {string} reads for {float} s\")]", "public void GivenClientReadsForS(string p0, double p1)")]
    [InlineData("a (weird) path a/b", "[Given(\"a \\\\(weird\\\\) path a\\\\/b\")]", "public void GivenAWeirdPathAB()")]
    [InlineData("version v1.2.3 with 'x'", "[Given(\"version v1.2.3 with {string}\")]", "public void GivenVersionV1With(string p0)")]
    public void Writes_a_ready_to_paste_definition(string text, string attribute, string signature)
    {
        var snippet = SnippetBuilder.Build(Step(text));

        snippet.Should().StartWith(attribute + Environment.NewLine + signature);
        snippet.Should().Contain("throw new PendingStepException();");
    }

    [Fact]
    public void Uses_the_resolved_keyword_and_the_step_argument()
    {
        var table = SnippetBuilder.Build(Step("the toxics", StepKeywordType.Then, new TableArgument([["a"]])));
        var doc = SnippetBuilder.Build(Step("the payload", StepKeywordType.When, new DocStringArgument("x", null)));

        table.Should().Contain("[Then(\"the toxics\")]").And.Contain("ThenTheToxics(DataTable dataTable)");
        doc.Should().Contain("[When(\"the payload\")]").And.Contain("WhenThePayload(string multilineText)");
    }
}
