using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Configuration;

namespace ChaosFeatures.Gherkin.Tests.Configuration;

public sealed class RunnerConfigurationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"reqnroll-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_path);

    private RunnerConfiguration Load(string json)
    {
        File.WriteAllText(_path, json);
        return RunnerConfiguration.Load(_path);
    }

    private string LoadError(string json) =>
        ((Action)(() => Load(json))).Should().Throw<ConfigurationException>().Which.Message;

    [Fact]
    public void Every_key_is_read_and_comments_and_trailing_commas_are_allowed()
    {
        var configuration = Load("""
            {
              // Reqnroll keys
              "language": { "feature": "de-DE" },
              "bindingAssemblies": [ { "assembly": "ChaosFeatures.Steps" }, { "assembly": "More.Steps" }, ],
              "runtime": { "missingOrPendingStepsOutcome": "inconclusive", "stopAtFirstError": true, "scenarioTimeoutSeconds": 5 },
              "formatters": { "html": { "outputFilePath": "report.html" }, "message": {} },
              /* ours */
              "chaos": { "maxCombinations": 50, "resultsDirectory": "out", "toxiproxy": { "port": 8474 } },
            }
            """);

        configuration.Should().BeEquivalentTo(new
        {
            FeatureLanguage = "de-DE",
            BindingAssemblies = new[] { "ChaosFeatures.Steps", "More.Steps" },
            MissingOrPendingStepsOutcome = MissingOrPendingStepsOutcome.Inconclusive,
            StopAtFirstError = true,
            ScenarioTimeoutSeconds = 5,
        });
        configuration.Formatters.Should().Equal(new Dictionary<string, string?> { ["html"] = "report.html", ["message"] = null });
        configuration.Chaos.Should().Match<ChaosSettings>(c => c.MaxCombinations == 50 && c.ResultsDirectory == "out");
        configuration.Chaos.Raw!.Value.GetProperty("toxiproxy").GetProperty("port").GetInt32().Should().Be(8474);
    }

    [Fact]
    public void A_missing_file_gives_the_defaults()
    {
        var configuration = RunnerConfiguration.Load(_path);

        configuration.Should().Be(RunnerConfiguration.Default);
        configuration.Should().BeEquivalentTo(new
        {
            FeatureLanguage = "en-US", MissingOrPendingStepsOutcome = MissingOrPendingStepsOutcome.Error,
            StopAtFirstError = false, ScenarioTimeoutSeconds = 60,
        });
        configuration.Chaos.Should().Match<ChaosSettings>(c => c.MaxCombinations == 20 && c.ResultsDirectory == "chaos-results");
        configuration.Formatters.Should().BeEmpty();
    }

    [Fact]
    public void Missing_keys_keep_their_defaults()
    {
        var configuration = Load("""{ "runtime": { "stopAtFirstError": true } }""");

        configuration.Should().BeEquivalentTo(RunnerConfiguration.Default with { StopAtFirstError = true });
    }

    [Fact]
    public void The_repository_configuration_loads()
    {
        var repoFile = Path.Combine(AppContext.BaseDirectory, "../../../../../reqnroll.json");

        RunnerConfiguration.Load(repoFile).BindingAssemblies.Should().Equal("ChaosFeatures.Steps");
    }

    [Fact]
    public void Malformed_json_names_the_file_line_and_position()
    {
        var message = LoadError("{\n  \"runtime\": {\n    \"stopAtFirstError\": tru\n  }\n}");

        message.Should().Contain(_path).And.Contain("line 3");
    }

    [Theory]
    [InlineData("""{ "runtime": { "missingOrPendingStepsOutcome": "Fail" } }""", "'runtime.missingOrPendingStepsOutcome' must be one of Pending, Inconclusive, Ignore, Error")]
    [InlineData("""{ "runtime": { "missingOrPendingStepsOutcome": "1" } }""", "'runtime.missingOrPendingStepsOutcome' must be one of")]
    [InlineData("""{ "runtime": { "stopAtFirstError": "yes" } }""", "'runtime.stopAtFirstError' must be true or false")]
    [InlineData("""{ "runtime": { "scenarioTimeoutSeconds": 0 } }""", "'runtime.scenarioTimeoutSeconds' must be a whole number greater than 0")]
    [InlineData("""{ "chaos": { "maxCombinations": 2.5 } }""", "'chaos.maxCombinations' must be a whole number greater than 0")]
    [InlineData("""{ "chaos": { "resultsDirectory": 3 } }""", "'chaos.resultsDirectory' must be a string")]
    [InlineData("""{ "language": "en" }""", "'language' must be an object")]
    [InlineData("""{ "bindingAssemblies": [ { "name": "X" } ] }""", "'bindingAssemblies[0].assembly' must be a non-empty assembly name")]
    [InlineData("""{ "formatters": { "html": "report.html" } }""", "'formatters.html' must be an object")]
    public void Wrong_values_name_the_key_and_what_is_allowed(string json, string expected)
    {
        LoadError(json).Should().Contain(expected).And.Contain(_path);
    }
}
