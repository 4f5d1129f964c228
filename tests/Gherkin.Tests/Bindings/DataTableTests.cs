namespace ChaosFeatures.Gherkin.Tests.Bindings;

public class DataTableTests
{
    public sealed class Transfer
    {
        public string Client { get; set; } = "";

        public int MaxBytes { get; set; }

        public double Seconds { get; set; }
    }

    public sealed record Peer(string Name, int Port);

    private static DataTable Table(string[] header, params string[][] rows)
    {
        var table = new DataTable(header);
        foreach (var row in rows)
            table.AddRow(row);
        return table;
    }

    [Fact]
    public void Rows_are_dictionaries_by_header()
    {
        var table = Table(["name", "port"], ["evil", "8474"]);

        table.RowCount.Should().Be(1);
        table.Header.Should().Equal("name", "port");
        table.Rows[0]["port"].Should().Be("8474");
        var missing = () => table.Rows[0]["host"];
        missing.Should().Throw<KeyNotFoundException>().WithMessage("*'host'*name, port*");
    }

    [Fact]
    public void Creates_an_instance_from_a_row_or_from_field_value_pairs()
    {
        var horizontal = Table(["Client", "Max Bytes", "seconds"], ["C", "256", "1.5"]).CreateInstance<Transfer>();
        var vertical = Table(["Field", "Value"], ["client", "K"], ["max bytes", "12"]).CreateInstance<Transfer>();

        horizontal.Should().BeEquivalentTo(new Transfer { Client = "C", MaxBytes = 256, Seconds = 1.5 });
        vertical.Should().BeEquivalentTo(new Transfer { Client = "K", MaxBytes = 12 });
    }

    [Fact]
    public void Creates_a_set_including_records_built_by_constructor()
    {
        var peers = Table(["name", "port"], ["a", "1"], ["b", "2"]).CreateSet<Peer>();

        peers.Should().Equal(new Peer("a", 1), new Peer("b", 2));
    }

    [Fact]
    public void Unknown_columns_and_bad_values_are_errors()
    {
        var unknown = () => Table(["Client", "Colour"], ["C", "red"]).CreateInstance<Transfer>();
        var bad = () => Table(["Max Bytes"], ["lots"]).CreateSet<Transfer>();

        unknown.Should().Throw<InvalidOperationException>().WithMessage("*'Colour'*Transfer*");
        bad.Should().Throw<InvalidOperationException>().WithMessage("*'Max Bytes'*'lots'*Int32*");
    }

    [Fact]
    public void CompareToInstance_lists_the_fields_that_differ()
    {
        var table = Table(["Field", "Value"], ["Client", "C"], ["Max Bytes", "256"]);

        table.CompareToInstance(new Transfer { Client = "C", MaxBytes = 256 });
        var compare = () => table.CompareToInstance(new Transfer { Client = "C", MaxBytes = 200 });

        compare.Should().Throw<ComparisonException>().WithMessage("*Max Bytes: expected '256', actual '200'*");
    }

    [Fact]
    public void CompareToSet_ignores_order_and_shows_a_diff()
    {
        var table = Table(["name", "port"], ["a", "1"], ["b", "2"]);

        table.CompareToSet([new Peer("b", 2), new Peer("a", 1)]);
        var compare = () => table.CompareToSet([new Peer("a", 1), new Peer("c", 3)]);

        compare.Should().Throw<ComparisonException>()
            .Which.Message.Should().Contain("  | a | 1 |").And.Contain("- | b | 2 |").And.Contain("+ | c | 3 |");
    }

    [Fact]
    public void Rows_must_fit_the_header()
    {
        var add = () => new DataTable("a", "b").AddRow("only one");

        add.Should().Throw<ArgumentException>().WithMessage("*1 cells*2*");
    }
}
