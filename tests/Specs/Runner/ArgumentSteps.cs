using Reqnroll;
using FluentAssertions;

namespace ChaosFeatures.Specs.Runner;

[Binding]
public sealed class ArgumentSteps
{
    public sealed class Transfer
    {
        public string Name { get; set; } = "";
        public int Bytes { get; set; }
        public string Driver { get; set; } = "";
    }

    private List<Transfer> _transfers = [];
    private string _text = "";

    [Given("these transfers:")]
    public void GivenTransfers(DataTable table) => _transfers = table.CreateSet<Transfer>().ToList();

    [Given("this transfer:")]
    public void GivenTransfer(DataTable table) => _transfers = [table.CreateInstance<Transfer>()];

    [Then("there are {int} transfers totalling {int} bytes")]
    public void ThenTotals(int count, int bytes)
    {
        _transfers.Should().HaveCount(count);
        _transfers.Sum(t => t.Bytes).Should().Be(bytes);
    }

    [Then("transfer {string} uses driver {string}")]
    public void ThenDriver(string name, string driver) =>
        _transfers.Should().ContainSingle(t => t.Name == name).Which.Driver.Should().Be(driver);

    [Given("the text:")]
    public void GivenText(string text) => _text = text;

    [Then("the text has {int} lines")]
    public void ThenLines(int count) => _text.Split('\n').Should().HaveCount(count);

    [Then("line {int} of the text is {string}")]
    public void ThenLine(int line, string expected) => _text.Split('\n')[line - 1].Should().Be(expected);
}
