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

        SuiteConfiguration.Load(repoFile).Chaos.Should().Be(new ChaosSettings(20, "chaos-results", 60));
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
