using System.Text;
using ChaosFeatures.Harness.Payloads;

namespace ChaosFeatures.Harness.Tests.Payloads;

public sealed class FakeRecordsTests
{
    [Theory]
    [InlineData(RecordFormat.Jsonl)]
    [InlineData(RecordFormat.Csv)]
    [InlineData(RecordFormat.Frames)]
    public void The_same_seed_gives_the_same_records_byte_for_byte_and_another_seed_other_records(RecordFormat format)
    {
        var first = FakeRecords.Encode(FakeRecords.Generate(42, 50), format);
        var again = FakeRecords.Encode(FakeRecords.Generate(42, 50), format);
        var other = FakeRecords.Encode(FakeRecords.Generate(43, 50), format);

        again.Should().Equal(first);
        other.Should().NotEqual(first);
        FakeRecords.CountComplete(first, format).Should().Be(50);
    }

    [Fact]
    public void Records_look_real_and_their_dates_do_not_follow_the_clock()
    {
        var records = FakeRecords.Generate(7, 20);

        records.Select(r => r.Id).Should().Equal(Enumerable.Range(1, 20));
        records.Should().OnlyContain(r => r.Email.Contains('@') && r.Name.Contains(' ') && r.City.Length > 0 && r.Amount >= 1 && r.Amount <= 5000);
        records.Should().OnlyContain(r => r.CreatedAt.Year >= 2024 && r.CreatedAt.Year < 2026);
        records.Select(r => r.OrderId).Distinct().Should().HaveCount(20);
    }

    [Theory]
    [InlineData(RecordFormat.Jsonl)]
    [InlineData(RecordFormat.Csv)]
    [InlineData(RecordFormat.Frames)]
    public void A_record_cut_at_the_end_does_not_count(RecordFormat format)
    {
        var bytes = FakeRecords.Encode(FakeRecords.Generate(1, 10), format);

        FakeRecords.CountComplete(bytes.AsSpan(0, bytes.Length - 3), format).Should().Be(9);
        FakeRecords.CountComplete([], format).Should().Be(0);
    }

    [Fact]
    public void A_whole_record_that_does_not_parse_is_a_format_error_naming_it()
    {
        var bytes = FakeRecords.Encode(FakeRecords.Generate(1, 3), RecordFormat.Jsonl);
        bytes[Encoding.UTF8.GetString(bytes).IndexOf('\n') + 1] = (byte)'#'; // the second record's opening brace

        var count = () => FakeRecords.CountComplete(bytes, RecordFormat.Jsonl);

        count.Should().Throw<FormatException>().WithMessage("record 2 does not parse*");
    }

    [Fact]
    public void An_unknown_format_names_the_accepted_ones()
    {
        var parse = () => FakeRecords.ParseFormat("xml");

        parse.Should().Throw<ArgumentException>().WithMessage("record format 'xml' is unknown; accepted: jsonl | csv | frames*");
    }
}
