using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Bogus;

namespace ChaosFeatures.Harness.Payloads;

/// <summary>
/// Realistic payloads: N fake orders made by Bogus from a seed (so a case's payload seed gives the same records in
/// every run, replay and frozen scenario), encoded as JSON lines, CSV or length-prefixed frames, and counted back.
/// Dates come from a fixed window, never from the clock: Bogus would otherwise draw relative to now.
/// </summary>
public static class FakeRecords
{
    public const int MaxCount = 1_000_000;

    private static readonly DateTime WindowStart = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime WindowEnd = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private const string CsvHeader = "id,order_id,name,email,city,country,amount,created_at";

    public static IReadOnlyList<FakeRecord> Generate(ulong seed, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        var id = 0;
        var faker = new Faker<FakeRecord>("en")
            .UseSeed(unchecked((int)(seed ^ (seed >> 32))))
            .CustomInstantiator(f =>
            {
                var first = f.Name.FirstName();
                var last = f.Name.LastName();
                return new FakeRecord(++id, f.Random.Guid(), $"{first} {last}", f.Internet.Email(first, last), f.Address.City(),
                    f.Address.Country(), Math.Round(f.Finance.Amount(1, 5000), 2), f.Date.Between(WindowStart, WindowEnd));
            });
        return faker.Generate(count);
    }

    /// <summary>The format a step names: <c>jsonl</c>, <c>csv</c> or <c>frames</c>; anything else is an error listing them.</summary>
    public static RecordFormat ParseFormat(string name) =>
        Enum.TryParse<RecordFormat>(name, ignoreCase: true, out var format) && name == FormatName(format)
            ? format
            : throw new ArgumentException($"record format '{name}' is unknown; accepted: {string.Join(" | ", Enum.GetValues<RecordFormat>().Select(FormatName))}", nameof(name));

    public static string FormatName(RecordFormat format) => format.ToString().ToLowerInvariant();

    public static byte[] Encode(IReadOnlyList<FakeRecord> records, RecordFormat format)
    {
        using var output = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        if (format == RecordFormat.Csv) Write(output, Encoding.UTF8.GetBytes(CsvHeader + "\n"));
        foreach (var record in records)
        {
            switch (format)
            {
                case RecordFormat.Jsonl:
                    Write(output, JsonSerializer.SerializeToUtf8Bytes(record, Json));
                    output.WriteByte((byte)'\n');
                    break;
                case RecordFormat.Csv:
                    Write(output, Encoding.UTF8.GetBytes(CsvLine(record) + "\n"));
                    break;
                case RecordFormat.Frames:
                    var body = JsonSerializer.SerializeToUtf8Bytes(record, Json);
                    BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
                    output.Write(length);
                    Write(output, body);
                    break;
            }
        }
        return output.ToArray();
    }

    /// <summary>
    /// How many whole records <paramref name="received"/> holds, as a client would parse them: a cut record at the end
    /// does not count. Throws <see cref="FormatException"/> when a whole one does not parse (the bytes were corrupted).
    /// </summary>
    public static int CountComplete(ReadOnlySpan<byte> received, RecordFormat format)
    {
        var count = 0;
        if (format == RecordFormat.Frames)
        {
            while (received.Length >= 4)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(received);
                if (length < 0 || received.Length - 4 < length) break;
                Parse(received.Slice(4, length), count);
                received = received[(4 + length)..];
                count++;
            }
            return count;
        }
        var first = true;
        int end;
        while ((end = received.IndexOf((byte)'\n')) >= 0)
        {
            var line = received[..end];
            received = received[(end + 1)..];
            if (format == RecordFormat.Csv && first)
            {
                first = false;
                if (Encoding.UTF8.GetString(line) != CsvHeader) throw new FormatException($"the CSV header is not '{CsvHeader}'");
                continue;
            }
            if (format == RecordFormat.Jsonl) Parse(line, count);
            else if (CsvFields(Encoding.UTF8.GetString(line)) != 8) throw new FormatException($"CSV record {count + 1} does not have 8 fields");
            count++;
        }
        return count;
    }

    private static void Parse(ReadOnlySpan<byte> json, int index)
    {
        try
        {
            _ = JsonSerializer.Deserialize<FakeRecord>(json, Json) ?? throw new FormatException($"record {index + 1} is null");
        }
        catch (JsonException e)
        {
            throw new FormatException($"record {index + 1} does not parse: {e.Message}", e);
        }
    }

    private static string CsvLine(FakeRecord r) => string.Join(',',
        r.Id.ToString(CultureInfo.InvariantCulture), r.OrderId.ToString(), Quote(r.Name), Quote(r.Email), Quote(r.City), Quote(r.Country),
        r.Amount.ToString(CultureInfo.InvariantCulture), r.CreatedAt.ToString("O", CultureInfo.InvariantCulture));

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    /// <summary>Fields of one CSV line, quotes honoured.</summary>
    private static int CsvFields(string line)
    {
        var fields = 1;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) fields++;
        }
        return fields;
    }

    private static void Write(MemoryStream output, byte[] bytes) => output.Write(bytes, 0, bytes.Length);
}
