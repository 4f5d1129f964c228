using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Tests.Execution;

namespace ChaosFeatures.Gherkin.Tests.Bindings;

public class TransformationTests
{
    public sealed record Endpoint(string Host, int Port);

    public sealed class Toxic
    {
        public string Name { get; set; } = "";

        public int LatencyMs { get; set; }
    }

    [Binding]
    public class Transformations
    {
        [StepArgumentTransformation(@"(\d+) KB")]
        public int Kilobytes(int kb) => kb * 1024;

        [StepArgumentTransformation(@"(\d+)ms", Name = "duration")]
        public TimeSpan Milliseconds(int ms) => TimeSpan.FromMilliseconds(ms);

        [StepArgumentTransformation]
        public Endpoint ToEndpoint(string text) => new(text.Split(':')[0], int.Parse(text.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));

        [StepArgumentTransformation]
        public List<Toxic> Toxics(DataTable table) => [.. table.CreateSet<Toxic>()];
    }

    [Binding]
    public class Steps(IReqnrollOutputHelper output)
    {
        [Given(@"^a buffer of (.*)$")]
        public void Buffer(int bytes) => output.WriteLine($"{bytes}");

        [Given("a delay of {duration}")]
        public void Delay(TimeSpan delay) => output.WriteLine($"{delay.TotalMilliseconds}");

        [Given("a server at {Endpoint}")]
        public void Server(Endpoint endpoint) => output.WriteLine($"{endpoint.Host}/{endpoint.Port}");

        [Given("the toxics")]
        public void Toxics(List<Toxic> toxics) => output.WriteLine(string.Join(",", toxics.Select(t => $"{t.Name}={t.LatencyMs}")));
    }

    private static Task<TestCaseResult> Run(params object[] steps) =>
        Cases.RunAsync(Cases.Make("transform", [], steps), typeof(Transformations), typeof(Steps));

    [Theory]
    [InlineData("Given a buffer of 4 KB", "4096")]
    [InlineData("Given a buffer of 17", "17")]
    [InlineData("Given a delay of 250ms", "250")]
    [InlineData("Given a server at localhost:8474", "localhost/8474")]
    public async Task Transforms_captured_text(string step, string expected)
    {
        var result = await Run(step);

        result.Status.Should().Be(TestCaseStatus.Passed, result.Message);
        result.Output.Should().Equal(expected);
    }

    [Fact]
    public async Task Transforms_a_data_table()
    {
        var result = await Run(Cases.WithTable("Given the toxics", ["name", "latency ms"], ["slow", "100"], ["slower", "250"]));

        result.Status.Should().Be(TestCaseStatus.Passed, result.Message);
        result.Output.Should().Equal("slow=100,slower=250");
    }
}
