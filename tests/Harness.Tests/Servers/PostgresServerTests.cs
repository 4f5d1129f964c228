using System.Net.Sockets;
using ChaosFeatures.Harness.Servers;

namespace ChaosFeatures.Harness.Tests.Servers;

/// <summary>Debian's PostgreSQL as a scenario's real server: a fresh cluster that accepts sessions, and nothing left after it.</summary>
public sealed class PostgresServerTests
{
    [Fact]
    public void Where_postgres_is_missing_the_skip_reason_is_the_install_command()
    {
        RealServerKind.Named("postgres").MissingReason.Should().Be("postgres is not installed (install: apt-get install -y postgresql)");
    }

    [RequiresPostgresFact]
    public async Task A_fresh_cluster_accepts_a_session_and_leaves_no_process_or_folder_behind()
    {
        string folder;
        int port;
        await using (var server = await PostgresServer.StartAsync(CancellationToken.None))
        {
            (folder, port) = (server.Folder, server.EndPoint.Port);
            server.EndPoint.Address.ToString().Should().Be("127.0.0.1");
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(server.EndPoint);
            Directory.Exists(Path.Combine(folder, "data")).Should().BeTrue();
        }

        Directory.Exists(folder).Should().BeFalse("the guard removes the cluster's folder");
        PostgresProcesses(folder).Should().BeEmpty("no postgres process outlives the server");
        var connect = async () =>
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));
        };
        await connect.Should().ThrowAsync<SocketException>();
    }

    /// <summary>Processes whose command line names the cluster's folder (postgres and its backends carry -D folder/data).</summary>
    private static string[] PostgresProcesses(string folder) =>
        [.. Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)).Select(d =>
        {
            try { return File.ReadAllText(Path.Combine(d, "cmdline")).Replace('\0', ' '); }
            catch (IOException) { return ""; }
            catch (UnauthorizedAccessException) { return ""; }
        }).Where(cmdline => cmdline.Contains(folder, StringComparison.Ordinal))];

    /// <summary>Skipped, with the install command, where PostgreSQL is missing (run under CHAOS_STRICT=1 it fails instead).</summary>
    private sealed class RequiresPostgresFactAttribute : FactAttribute
    {
        public RequiresPostgresFactAttribute()
        {
            if (PostgresServer.FindProgram() is null && Environment.GetEnvironmentVariable("CHAOS_STRICT") != "1")
                Skip = $"postgres is not installed (install: {PostgresServer.Install}); set CHAOS_STRICT=1 to fail instead";
        }
    }
}
