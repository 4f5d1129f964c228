using System.Text.Json;

namespace ChaosFeatures.Gherkin.Configuration;

/// <summary>
/// What the bridge, freeze and the step library read from reqnroll.json: Reqnroll's <c>language.feature</c>
/// (to parse features as Reqnroll would) and our own <c>chaos</c> section. Reqnroll reads the rest itself.
/// A missing file means defaults; anything present but wrong is a <see cref="ConfigurationException"/>.
/// </summary>
/// <param name="FeatureLanguage">Gherkin language of files without a <c># language:</c> header.</param>
/// <param name="Chaos">The <c>chaos</c> section.</param>
public sealed record SuiteConfiguration(string FeatureLanguage, ChaosSettings Chaos)
{
    public const string FileName = "reqnroll.json";

    public static SuiteConfiguration Default { get; } = new("en-US", ChaosSettings.Default);

    public static SuiteConfiguration Load(string path)
    {
        if (!File.Exists(path))
            return Default;

        using var document = Parse(path);
        return new SuiteConfigurationReader(path).Read(document.RootElement);
    }

    private static JsonDocument Parse(string path)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path), options);
        }
        catch (JsonException e)
        {
            // JsonException counts lines and positions from 0; editors count from 1.
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            throw new ConfigurationException($"{path}: malformed JSON at line {line}, position {position}: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new ConfigurationException($"{path}: cannot be read: {e.Message}", e);
        }
    }
}

/// <summary>The <c>chaos</c> section of reqnroll.json.</summary>
/// <param name="MaxCombinations">Default mutation cap per scenario and Examples row (a <c>@chaos-max:N</c> tag wins).</param>
/// <param name="ResultsDirectory">Where event logs and replay descriptors go, relative to the suite root.</param>
/// <param name="ScenarioTimeoutSeconds">The watchdog: a case whose steps run longer fails, naming the step it hung in.</param>
public sealed record ChaosSettings(int MaxCombinations, string ResultsDirectory, int ScenarioTimeoutSeconds)
{
    public static ChaosSettings Default { get; } = new(20, "chaos-results", 60);

    /// <summary><c>chaos.servers</c>: servers under test a feature can name (<c>Given server "S" is the configured "sample" server</c>).</summary>
    public ServerSettings Servers { get; init; } = ServerSettings.None;
}
