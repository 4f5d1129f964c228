using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Parsing;

/// <summary>Either a parsed feature or the reasons it could not be parsed (never both empty).</summary>
internal sealed record FeatureParseResult(ParsedFeature? Feature, IReadOnlyList<FeatureLoadError> Errors)
{
    public static FeatureParseResult Failed(params FeatureLoadError[] errors) => new(null, errors);
}
