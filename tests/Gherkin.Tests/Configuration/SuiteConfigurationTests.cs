using ChaosFeatures.Gherkin.Configuration;

namespace ChaosFeatures.Gherkin.Tests.Configuration;

public sealed class SuiteConfigurationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"reqnroll-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_path);

    private SuiteConfiguration Load(string json)
    {
        File.WriteAllText(_path, json);
        return SuiteConfiguration.Load(_path);
    }

    private string LoadError(string json) =>
        ((Action)(() => Load(json))).Should().Throw<ConfigurationException>().Which.Message;

    [Fact]
    public void Our_keys_are_read_beside_reqnrolls_and_comments_and_trailing_commas_are_allowed()
    {
        var configuration = Load("""
            {
              // Reqnroll keys: only the language matters to the bridge, Reqnroll reads the rest
              "language": { "feature": "de-DE" },
              "bindingAssemblies": [ { "assembly": "ChaosFeatures.Steps" }, ],
              "runtime": { "missingOrPendingStepsOutcome": "Inconclusive" },
              /* ours */
              "chaos": { "maxCombinations": 50, "resultsDirectory": "out", "scenarioTimeoutSeconds": 5, "toxiproxy": { "port": 8474 } },
            }
            """);

        configuration.Should().Be(new SuiteConfiguration("de-DE", new ChaosSettings(50, "out", 5)));
    }

    [Fact]
    public void A_missing_file_or_missing_keys_give_the_defaults()
    {
        SuiteConfiguration.Load(_path).Should().Be(SuiteConfiguration.Default);
        SuiteConfiguration.Default.Should().Be(new SuiteConfiguration("en-US", new ChaosSettings(20, "chaos-results", 60)));
        Load("""{ "chaos": { "maxCombinations": 3 } }""").Chaos.Should().Be(ChaosSettings.Default with { MaxCombinations = 3 });
    }

    [Fact]
    public void The_repository_configuration_loads()
    {
        var repoFile = Path.Combine(AppContext.BaseDirectory, "../../../../../reqnroll.json");

        var chaos = SuiteConfiguration.Load(repoFile).Chaos;
        chaos.Should().Be(new ChaosSettings(20, "chaos-results", 60) { Servers = chaos.Servers });
        chaos.Servers.Names.Should().Equal("redis", "sample");
    }

    [Fact]
    public void Servers_under_test_are_read_by_name_with_their_command_probe_and_start_timeout()
    {
        var chaos = Load("""
            { "chaos": { "servers": {
                "sample": { "command": "dotnet {bin}/s.dll --port {port}", "probe": "length-prefixed", "startTimeoutMs": 5000 },
                "bare": { "command": "my-server {port}", "install": "apt-get install my-server" } } } }
            """).Chaos;

        chaos.Servers.All.Should().Equal(
            new ServerSetting("bare", "my-server {port}", Install: "apt-get install my-server"),
            new ServerSetting("sample", "dotnet {bin}/s.dll --port {port}", "length-prefixed", 5000));
        chaos.Should().Be(ChaosSettings.Default with { Servers = new ServerSettings([chaos.Servers.All.Last(), chaos.Servers.All.First()]) },
            "settings compare by value, whatever the order");
    }

    [Fact]
    public void Malformed_json_names_the_file_line_and_position()
    {
        var message = LoadError("{\n  \"chaos\": {\n    \"maxCombinations\": tru\n  }\n}");

        message.Should().Contain(_path).And.Contain("line 3");
    }

    [Theory]
    [InlineData("""{ "chaos": { "scenarioTimeoutSeconds": 0 } }""", "'chaos.scenarioTimeoutSeconds' must be a whole number greater than 0")]
    [InlineData("""{ "chaos": { "maxCombinations": 2.5 } }""", "'chaos.maxCombinations' must be a whole number greater than 0")]
    [InlineData("""{ "chaos": { "resultsDirectory": 3 } }""", "'chaos.resultsDirectory' must be a string")]
    [InlineData("""{ "chaos": [] }""", "'chaos' must be an object")]
    [InlineData("""{ "language": "en" }""", "'language' must be an object")]
    [InlineData("""{ "runtime": { "scenarioTimeoutSeconds": 5 } }""", "'runtime.scenarioTimeoutSeconds' moved to 'chaos.scenarioTimeoutSeconds'")]
    [InlineData("""{ "chaos": { "servers": [] } }""", "'chaos.servers' must be an object of name -> { \"command\": \"...\" }")]
    [InlineData("""{ "chaos": { "servers": { "s": "x" } } }""", "'chaos.servers.s' must be an object with command, probe, startTimeoutMs, install")]
    [InlineData("""{ "chaos": { "servers": { "s": { "probe": "connect" } } } }""", "'chaos.servers.s.command' must be a command line such as")]
    [InlineData("""{ "chaos": { "servers": { "s": { "command": 7 } } } }""", "'chaos.servers.s.command' must be a string")]
    [InlineData("""{ "chaos": { "servers": { "s": { "command": "x", "prob": "connect" } } } }""", "'chaos.servers.s.prob' is not a known key; allowed: command, probe, startTimeoutMs, install")]
    [InlineData("""{ "chaos": { "servers": { "s": { "command": "x", "startTimeoutMs": -1 } } } }""", "'chaos.servers.s.startTimeoutMs' must be a whole number greater than 0, got -1")]
    [InlineData("""{ "chaos": { "servers": { "my s": { "command": "x" } } } }""", "'chaos.servers.my s' must be a name without whitespace")]
    public void Wrong_values_name_the_key_and_what_is_allowed(string json, string expected)
    {
        LoadError(json).Should().Contain(expected).And.Contain(_path);
    }

    [Fact]
    public void The_suite_root_is_the_nearest_folder_above_with_reqnroll_json_unless_the_variable_names_one()
    {
        var root = Directory.CreateTempSubdirectory("suite-root-").FullName;
        try
        {
            var deep = Directory.CreateDirectory(Path.Combine(root, "bin", "Debug")).FullName;
            File.WriteAllText(Path.Combine(root, SuiteConfiguration.FileName), "{}");

            SuiteRoot.TryLocate(null, [deep]).Should().Be(root);
            SuiteRoot.TryLocate(deep, [root]).Should().Be(deep, "CHAOS_SUITE_ROOT wins");
            SuiteRoot.TryLocate(null, [Path.GetTempPath()]).Should().BeNull();
            ((Action)(() => SuiteRoot.TryLocate(Path.Combine(root, "nope"), [deep]))).Should().Throw<ConfigurationException>()
                .WithMessage("CHAOS_SUITE_ROOT='*nope' is not a directory*");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
