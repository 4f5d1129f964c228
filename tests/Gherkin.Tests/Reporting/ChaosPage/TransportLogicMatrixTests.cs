using ChaosFeatures.Gherkin.Reporting.ChaosPage;
using ChaosFeatures.Gherkin.Reporting.Results;

namespace ChaosFeatures.Gherkin.Tests.Reporting.ChaosPage;

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

    [Fact]
    public void Http_and_tls_faults_are_rows_and_request_patterns_and_client_settings_columns_grouped_by_family()
    {
        var suite = Parsing.TempRepo.LoadClean(HttpAndTlsFeature);

        var matrix = TransportLogicMatrix.Build(CaseView.All(suite.TestCases, []));

        matrix.Rows.Select(r => (r.Group, r.Text, r.Kind)).Should().Equal(
            ("toxic proxy", "the proxy of peer \"EP\" adds 5 ms latency", AxisLabelKind.Mutation),
            ("HTTP", "HTTP peer \"EP\" cuts the body after 0..999 bytes and closes", AxisLabelKind.Mutation),
            ("HTTP", "HTTP peer \"EP\" cuts the body after 0..999 bytes and resets", AxisLabelKind.Mutation),
            ("TLS", "the proxy of peer \"EP\" stops the TLS handshake after the ServerHello and closes", AxisLabelKind.Mutation),
            ("TLS", "the proxy of peer \"EP\" stops the TLS handshake after the ServerHello and resets", AxisLabelKind.Mutation),
            ("TLS", "evil peer \"EP\" speaks TLS", AxisLabelKind.Fixed));
        matrix.Columns.Select(c => (c.Group, c.Text, c.Kind)).Should().Equal(
            ("client settings", "task \"C\" uses the tls driver", AxisLabelKind.Mutation),
            ("client settings", "task \"C\" uses the socket driver", AxisLabelKind.Mutation),
            ("HTTP requests", "task \"C\" requests \"/\" from peer \"EP\" 3 times in a row", AxisLabelKind.Mutation),
            ("HTTP requests", "task \"C\" requests \"/\" from peer \"EP\" 2 times in parallel", AxisLabelKind.Mutation));
        matrix.Rows.Concat(matrix.Columns).Should().NotContain(l => l.Text.Contains("serving") || l.Text.Contains("answering") || l.Text.Contains("gives up"),
            "what the peer is sits on neither axis, and a plain client setting is not a column where the logic axis is drawn");
        matrix.Cases(matrix.Rows[5], matrix.Columns[0]).Should().HaveCount(1);
        matrix.Cases(matrix.Rows[5], matrix.Columns[2]).Should().BeEmpty("the TLS peer scenario sends no HTTP request");
    }

    [Fact]
    public void The_page_shows_the_families_as_column_and_row_groups()
    {
        var matrix = TransportLogicMatrix.Build(CaseView.All(Parsing.TempRepo.LoadClean(HttpAndTlsFeature).TestCases, []));
        var html = new System.Text.StringBuilder();

        MatrixSection.Render(html, matrix);

        html.ToString().Should().Contain("<th class=\"group\" scope=\"colgroup\" colspan=\"2\">client settings</th>")
            .And.Contain("<th class=\"group\" scope=\"colgroup\" colspan=\"2\">HTTP requests</th>")
            .And.Contain("<th class=\"group\" scope=\"rowgroup\" colspan=\"5\">TLS</th>");
    }

    private const string HttpAndTlsFeature = """
        Feature: HTTP and TLS
          Scenario Outline: faults crossed with request patterns
            Given an HTTP peer "EP" answering 200 with 1000 bytes
            And task "C" gives up after 300 ms
            Given one of:
              | HTTP peer "EP" cuts the body after 0..999 bytes and <ending>                       |
              | the proxy of peer "EP" stops the TLS handshake after the ServerHello and <ending> |
              | the proxy of peer "EP" adds 5 ms latency                                            |
            When one of:
              | task "C" requests "/" from peer "EP" 3 times in a row    |
              | task "C" requests "/" from peer "EP" 2 times in parallel |
            Then the outcome of task "C" is eof

            Examples:
              | ending |
              | closes |
              | resets |

          Scenario: the client stack is logic even as a Given
            Given an evil peer "EP" serving 256 bytes
            And evil peer "EP" speaks TLS
            Given one of:
              | task "C" uses the tls driver    |
              | task "C" uses the socket driver |
            When task "C" downloads from peer "EP"
            Then the outcome of task "C" is completed
        """;

    private static TransportLogicMatrix Build(ChaosSampleRun sample) =>
        TransportLogicMatrix.Build(CaseView.All(sample.Suite.TestCases, MessageRun.Read(sample.PathOf("message"), sample.Suite).Outcomes()));

    private static string Status(TransportLogicMatrix matrix, string row, string column) =>
        TransportLogicMatrix.Status(matrix.Cases(matrix.Rows.Single(r => r.Text == row), matrix.Columns.Single(c => c.Text == column)));
}
