using System.Text.Json;
using ChaosFeatures.Gherkin.Execution;

namespace ChaosFeatures.Gherkin.Configuration;

/// <summary>
/// reqnroll.json with Reqnroll's keys plus our <c>chaos</c> section. A missing file means defaults;
/// anything present but wrong is a <see cref="ConfigurationException"/>, never silently ignored.
/// </summary>
/// <param name="Formatters">Formatter name -> <c>outputFilePath</c> (null when the section has none). A formatter is on only when listed.</param>
public sealed record RunnerConfiguration(
    string FeatureLanguage,
    IReadOnlyList<string> BindingAssemblies,
    MissingOrPendingStepsOutcome MissingOrPendingStepsOutcome,
    bool StopAtFirstError,
    int ScenarioTimeoutSeconds,
    ChaosSettings Chaos,
    IReadOnlyDictionary<string, string?> Formatters)
{
    public static RunnerConfiguration Default { get; } = new(
        "en-US", [], MissingOrPendingStepsOutcome.Error, false, 60, ChaosSettings.Default,
        new Dictionary<string, string?>());

    public static RunnerConfiguration Load(string path)
    {
        if (!File.Exists(path))
            return Default;

        using var document = Parse(path);
        return new ConfigurationReader(path).Read(document.RootElement);
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
