using System.Diagnostics.CodeAnalysis;

namespace ChaosFeatures.Gherkin;

/// <summary>One row of a <see cref="DataTable"/>: header -> cell.</summary>
public sealed class DataTableRow : IReadOnlyDictionary<string, string>
{
    private readonly DataTable _table;
    private readonly string[] _cells;

    internal DataTableRow(DataTable table, string[] cells)
    {
        _table = table;
        _cells = cells;
    }

    public string this[string header]
    {
        get
        {
            var index = _table.ColumnIndex(header);
            if (index < 0)
                throw new KeyNotFoundException($"The data table has no column '{header}' (columns: {string.Join(", ", _table.Header)}).");
            return _cells[index];
        }
    }

    public string this[int index] => _cells[index];

    public IEnumerable<string> Keys => _table.Header;

    public IEnumerable<string> Values => _cells;

    public int Count => _cells.Length;

    public bool ContainsKey(string key) => _table.ColumnIndex(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = _table.ColumnIndex(key);
        value = index < 0 ? null : _cells[index];
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        _table.Header.Select((h, i) => new KeyValuePair<string, string>(h, _cells[i])).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
