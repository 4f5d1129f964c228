using System.Globalization;
using ChaosFeatures.Steps;
using Npgsql;
using Reqnroll;

namespace ChaosFeatures.Examples.Npgsql.Bindings;

/// <summary>
/// A team's own steps over Npgsql: a pooled data source pointed at a named peer (the toxic proxy in front of the real
/// PostgreSQL), and queries run as scenario tasks, each on a connection taken from the pool and returned after.
/// </summary>
[Binding]
public sealed class DataSourceSteps(ChaosContext chaos)
{
    private readonly Dictionary<string, NpgsqlDataSource> _sources = [];

    [Given("an Npgsql data source {string} for peer {string} with a {int} s command timeout")]
    public async Task DataSource(string name, string peer, int commandTimeoutSeconds)
    {
        var endpoint = await chaos.EndpointAsync(peer);
        var connection = new NpgsqlConnectionStringBuilder
        {
            Host = endpoint.Address.ToString(), Port = endpoint.Port, Username = "postgres", Database = "postgres",
            Timeout = 5, CommandTimeout = commandTimeoutSeconds, MaxPoolSize = 4,
        };
        _sources[name] = chaos.Own(NpgsqlDataSource.Create(connection.ConnectionString));
    }

    /// <summary>The first column of the first row, as text.</summary>
    [When("task {string} queries {string} on {string}")]
    public void Queries(string task, string sql, string name)
    {
        var source = Source(name);
        chaos.StartTask(task, sql, async ct =>
        {
            await using var connection = await source.OpenConnectionAsync(ct);
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        });
    }

    private NpgsqlDataSource Source(string name) => _sources.TryGetValue(name, out var source)
        ? source
        : throw new InvalidOperationException($"no data source \"{name}\"; define it first: Given an Npgsql data source \"{name}\" for peer \"PG\" with a 1 s command timeout");
}
