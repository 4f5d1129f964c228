using System.Globalization;
using System.Text;
using ChaosFeatures.Gherkin.Bindings.Conversion;

namespace ChaosFeatures.Gherkin;

/// <summary>
/// Reqnroll's table helpers. Columns match public properties case-insensitively with spaces removed;
/// a two-column table headed Field|Value (or Property|Value) is read vertically by the instance helpers.
/// Unknown columns are errors rather than silently ignored.
/// </summary>
public static class DataTableHelpers
{
    public static T CreateInstance<T>(this DataTable table) => (T)TableShape.Of(typeof(T)).Create(InstanceCells(table));

    public static IReadOnlyList<T> CreateSet<T>(this DataTable table)
    {
        var shape = TableShape.Of(typeof(T));
        return [.. table.Rows.Select(row => (T)shape.Create([.. row]))];
    }

    public static void CompareToInstance<T>(this DataTable table, T instance)
    {
        var shape = TableShape.Of(typeof(T));
        var differences = InstanceCells(table)
            .Select(cell => (cell, actual: shape.Property(cell.Key).GetValue(instance)))
            .Where(x => !Matches(x.cell.Value, x.actual))
            .Select(x => $"  {x.cell.Key}: expected '{x.cell.Value}', actual '{Text(x.actual)}'")
            .ToList();
        if (differences.Count > 0)
            throw new ComparisonException($"The following fields did not match:{Environment.NewLine}{string.Join(Environment.NewLine, differences)}");
    }

    /// <summary>Every table row must match a distinct item and every item a row; order does not matter.</summary>
    public static void CompareToSet<T>(this DataTable table, IEnumerable<T> set)
    {
        var shape = TableShape.Of(typeof(T));
        var properties = table.Header.Select(shape.Property).ToArray();
        var unmatched = set.ToList();
        var lines = new List<string>();
        var failed = false;
        foreach (var row in table.Rows)
        {
            var index = unmatched.FindIndex(item => properties.Select((p, i) => Matches(row[i], p.GetValue(item))).All(m => m));
            failed |= index < 0;
            lines.Add((index < 0 ? "- " : "  ") + Render(row.Values));
            if (index >= 0)
                unmatched.RemoveAt(index);
        }
        lines.AddRange(unmatched.Select(item => "+ " + Render(properties.Select(p => Text(p.GetValue(item))))));
        if (!failed && unmatched.Count == 0)
            return;
        var message = new StringBuilder("The set does not match the table (- only in the table, + only in the set):").AppendLine();
        message.AppendLine("  " + Render(table.Header));
        lines.ForEach(l => message.AppendLine(l));
        throw new ComparisonException(message.ToString().TrimEnd());
    }

    private static IReadOnlyList<KeyValuePair<string, string>> InstanceCells(DataTable table)
    {
        if (table.Header.Count == 2 && table.Header[1].Equals("Value", StringComparison.OrdinalIgnoreCase)
            && (table.Header[0].Equals("Field", StringComparison.OrdinalIgnoreCase) || table.Header[0].Equals("Property", StringComparison.OrdinalIgnoreCase)))
            return [.. table.Rows.Select(r => new KeyValuePair<string, string>(r[0], r[1]))];
        if (table.RowCount != 1)
            throw new InvalidOperationException($"An instance table needs exactly one data row or Field|Value columns; this one has {table.RowCount} rows.");
        return [.. table.Rows[0]];
    }

    private static bool Matches(string expected, object? actual)
    {
        if (actual is null)
            return expected.Length == 0;
        if (actual is string s)
            return s == expected;
        try
        {
            return Equals(TableShape.Convert(expected, actual.GetType(), ""), actual);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private static string Render(IEnumerable<string> cells) => "| " + string.Join(" | ", cells) + " |";
}
