using ChaosFeatures.Gherkin.Reporting.ChaosPage;
using ChaosFeatures.Gherkin.Reporting.Results;

namespace ChaosFeatures.Gherkin.Tests.Reporting;

[Collection(Running.ReqnrollRuns.Name)]
public sealed class TransportLogicMatrixTests(SampleRunFixture fixture) : IClassFixture<SampleRunFixture>
{
    [Fact]
    public void Rows_are_given_mutations_columns_are_when_mutations_or_fixed_steps_of_the_other_axis()
    {
        var matrix = Build(fixture.Sample);

        matrix.Rows.Select(r => (r.Text, r.Kind)).Should().Equal(
            ("the peer sends slices of 1..3 bytes", AxisLabelKind.Mutation),
            ("the peer resets after 5 bytes", AxisLabelKind.Mutation),
            ("the peer sends slices of 2 bytes", AxisLabelKind.Mutation),
            ("the peer never reads", AxisLabelKind.Mutation));
        matrix.Columns.Select(c => (c.Text, c.Kind)).Should().Equal(
            ("the client downloads 10 bytes", AxisLabelKind.Fixed),
            ("(no client logic drawn)", AxisLabelKind.None),
            ("the client cancels from a killer task", AxisLabelKind.Mutation),
            ("the client reads byte by byte", AxisLabelKind.Mutation));
        matrix.Rows.Should().NotContain(r => r.Text.Contains("after 1 bytes"), "the @wip scenario has no mutation block");
    }

    [Fact]
    public void A_cell_fails_when_any_case_crossing_it_failed_and_is_not_covered_when_none_ran()
    {
        var matrix = Build(fixture.Sample);

        Status(matrix, "the peer resets after 5 bytes", "the client downloads 10 bytes").Should().Be("failed");
        Status(matrix, "the peer sends slices of 1..3 bytes", "the client downloads 10 bytes").Should().Be("passed");
        Status(matrix, "the peer never reads", "the client reads byte by byte").Should().Be("passed");
        Status(matrix, "the peer never reads", "the client downloads 10 bytes").Should().Be("notcovered");
    }

    [Fact]
    public void Cases_that_did_not_run_leave_their_cells_not_covered()
    {
        using var repo = new Parsing.TempRepo().Write("features/f.feature", ChaosSampleRun.FeatureText);
        var suite = repo.Load();
        var matrix = TransportLogicMatrix.Build(CaseView.All(suite.TestCases, []));

        matrix.Rows.Should().NotBeEmpty();
        matrix.Rows.SelectMany(r => matrix.Columns.Select(c => TransportLogicMatrix.Status(matrix.Cases(r, c)))).Should().OnlyContain(s => s == "notcovered");
    }

    private static TransportLogicMatrix Build(ChaosSampleRun sample) =>
        TransportLogicMatrix.Build(CaseView.All(sample.Suite.TestCases, MessageRun.Read(sample.PathOf("message"), sample.Suite).Outcomes()));

    private static string Status(TransportLogicMatrix matrix, string row, string column) =>
        TransportLogicMatrix.Status(matrix.Cases(matrix.Rows.Single(r => r.Text == row), matrix.Columns.Single(c => c.Text == column)));
}
