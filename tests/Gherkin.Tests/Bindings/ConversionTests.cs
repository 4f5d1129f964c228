using System.Globalization;
using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Tests.Execution;

namespace ChaosFeatures.Gherkin.Tests.Bindings;

public class ConversionTests
{
    public enum PeerMode { Serve, NeverRead }

    [Binding]
    public class Steps(IReqnrollOutputHelper output)
    {
        [Given("ints {int} {long} {byte}")]
        public void Ints(int a, long b, byte c) => output.WriteLine($"{a}|{b}|{c}");

        [Given("reals {float} {double} {decimal}")]
        public void Reals(float a, double b, decimal c) => output.WriteLine(FormattableString.Invariant($"{a}|{b}|{c}"));

        [Given("flag {word}")]
        public void Flag(bool flag) => output.WriteLine(flag.ToString());

        [Given("mode {PeerMode}")]
        public void Mode(PeerMode mode) => output.WriteLine(mode.ToString());

        [Given("id {Guid} at {DateTime}")]
        public void Identity(Guid id, DateTime at) => output.WriteLine($"{id:N}|{at:O}");

        [Given("wait {}")]
        public void Wait(TimeSpan span) => output.WriteLine(span.TotalMilliseconds.ToString(CultureInfo.InvariantCulture));

        [Given(@"^regex (\d+) in (\w+) mode$")]
        public void Regex(int count, PeerMode mode) => output.WriteLine($"{count}|{mode}");

        [Given("text {string} as number")]
        public void Number(int value) => output.WriteLine(value.ToString(CultureInfo.InvariantCulture));

        [Given("a payload")]
        public void Payload(string content) => output.WriteLine(content);
    }

    private static Task<TestCaseResult> Run(params object[] steps) => Cases.RunAsync(Cases.Make("conversion", [], steps), typeof(Steps));

    [Theory]
    [InlineData("Given ints 1 -2 255", "1|-2|255")]
    [InlineData("Given reals 1.5 -0.25 12.75", "1.5|-0.25|12.75")]
    [InlineData("Given flag true", "True")]
    [InlineData("Given mode neverread", "NeverRead")]
    [InlineData("Given id 6f9619ff-8b86-d011-b42d-00c04fc964ff at 2024-05-01T10:00:00Z", "6f9619ff8b86d011b42d00c04fc964ff|2024-05-01T10:00:00.0000000Z")]
    [InlineData("Given wait 00:00:01.5", "1500")]
    [InlineData("Given regex 3 in Serve mode", "3|Serve")]
    public async Task Converts_with_the_invariant_culture(string step, string expected)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var result = await Run(step);

            result.Status.Should().Be(TestCaseStatus.Passed, result.Message);
            result.Output.Should().Equal(expected);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("Given flag maybe", "'maybe'", "Boolean", "'flag'")]
    [InlineData("Given ints 1 2 300", "'300'", "Byte", "'c'")]
    [InlineData("Given text \"ten\" as number", "'ten'", "Int32", "'value'")]
    public async Task A_conversion_failure_fails_the_step_naming_value_type_and_parameter(string step, string value, string type, string parameter)
    {
        var result = await Run(step);

        result.Status.Should().Be(TestCaseStatus.Failed);
        result.Message.Should().Contain(value).And.Contain(type).And.Contain(parameter).And.Contain("(line 10)");
        result.Steps.Single().Status.Should().Be(StepStatus.Failed);
    }

    [Fact]
    public async Task A_doc_string_goes_to_a_trailing_string_parameter()
    {
        var result = await Run(Cases.WithDocString("Given a payload", "line 1\nline 2"));

        result.Output.Should().Equal("line 1\nline 2");
    }

    [Fact]
    public async Task A_step_without_the_argument_its_method_needs_fails_clearly()
    {
        var result = await Run("Given a payload");

        result.Status.Should().Be(TestCaseStatus.Failed);
        result.Message.Should().Contain("expects a data table or doc string the step does not have");
    }
}
