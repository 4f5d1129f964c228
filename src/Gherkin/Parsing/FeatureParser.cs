using System.Text.RegularExpressions;
using ChaosFeatures.Gherkin.Model;
using Gherkin;
using Gherkin.Ast;

namespace ChaosFeatures.Gherkin.Parsing;

/// <summary>Reads and parses one feature file with Gherkin 35, turning every way it can go wrong into <see cref="FeatureLoadError"/>s.</summary>
internal static partial class FeatureParser
{
    /// <param name="defaultLanguage">reqnroll.json's <c>language.feature</c>; a <c># language:</c> header in the file wins.</param>
    public static FeatureParseResult Parse(string fullPath, string featurePath, string defaultLanguage)
    {
        string source;
        try
        {
            source = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FeatureParseResult.Failed(new FeatureLoadError(featurePath, 0, 0, $"cannot read feature file: {e.Message}"));
        }

        GherkinDocument document;
        try
        {
            var matcher = new TokenMatcher(DialectNames.Resolve(defaultLanguage));
            document = new Parser().Parse(new TokenScanner(new StringReader(source)), matcher);
        }
        catch (CompositeParserException e)
        {
            return new FeatureParseResult(null, e.Errors.Select(error => ToLoadError(featurePath, error)).ToList());
        }
        catch (ParserException e)
        {
            return FeatureParseResult.Failed(ToLoadError(featurePath, e));
        }

        if (document.Feature is null)
            return FeatureParseResult.Failed(new FeatureLoadError(featurePath, 0, 0, "no `Feature:` found; a feature file must contain exactly one feature"));

        var feature = document.Feature;
        var descriptor = new FeatureDescriptor(
            featurePath, fullPath, feature.Name,
            Description(feature.Description),
            feature.Tags.Select(tag => tag.Name.TrimStart('@')).ToList(),
            feature.Language);
        return new FeatureParseResult(new ParsedFeature(descriptor, source, document), []);
    }

    /// <summary>Gherkin keeps a description's indentation and blank edges; readers want the text.</summary>
    public static string? Description(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static FeatureLoadError ToLoadError(string featurePath, ParserException error) =>
        new(featurePath, error.Location?.Line ?? 0, error.Location?.Column ?? 0, LocationPrefix().Replace(error.Message, ""));

    // Gherkin prefixes its messages with "(line:column): "; FeatureLoadError carries those already.
    [GeneratedRegex(@"^\(\d+:\d+\): ")]
    private static partial Regex LocationPrefix();
}
