using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin;

/// <summary>A step's data table: a header and rows addressable by header, like Reqnroll's.</summary>
public sealed class DataTable
{
    private readonly string[] _header;
    private readonly List<DataTableRow> _rows = [];

    public DataTable(params string[] header)
    {
        if (header.Length == 0)
            throw new ArgumentException("A data table needs at least one column.", nameof(header));
        if (header.Distinct(StringComparer.Ordinal).Count() != header.Length)
            throw new ArgumentException($"Duplicate column in data table header: {string.Join(", ", header)}.", nameof(header));
        _header = header;
    }

    public IReadOnlyList<string> Header => _header;

    public IReadOnlyList<DataTableRow> Rows => _rows;

    public int RowCount => _rows.Count;

    public bool ContainsColumn(string column) => Array.IndexOf(_header, column) >= 0;

    public void AddRow(params string[] cells)
    {
        if (cells.Length != _header.Length)
            throw new ArgumentException($"Row has {cells.Length} cells but the header has {_header.Length}.", nameof(cells));
        _rows.Add(new DataTableRow(this, cells));
    }

    internal int ColumnIndex(string column) => Array.IndexOf(_header, column);

    internal static DataTable From(TableArgument argument)
    {
        if (argument.Rows.Count == 0)
            throw new ArgumentException("The step's data table is empty.", nameof(argument));
        var table = new DataTable([.. argument.Rows[0]]);
        foreach (var row in argument.Rows.Skip(1))
            table.AddRow([.. row]);
        return table;
    }
}
