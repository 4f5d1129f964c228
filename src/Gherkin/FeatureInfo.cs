using System.Globalization;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin;

/// <summary>What a binding may want to know about the running feature.</summary>
public sealed class FeatureInfo
{
    internal FeatureInfo(FeatureDescriptor feature)
    {
        Feature = feature;
        Title = feature.Title;
        Description = feature.Description;
        Tags = [.. feature.Tags];
        FilePath = feature.Path;
        var slash = feature.Path.LastIndexOf('/');
        FolderPath = slash < 0 ? "" : feature.Path[..slash];
        Language = LanguageOf(feature.Language);
    }

    public string Title { get; }

    public string? Description { get; }

    public string[] Tags { get; }

    /// <summary>Repo-relative folder of the feature file, forward slashes.</summary>
    public string FolderPath { get; }

    /// <summary>Repo-relative path of the feature file, forward slashes.</summary>
    public string FilePath { get; }

    public CultureInfo Language { get; }

    public FeatureDescriptor Feature { get; }

    private static CultureInfo LanguageOf(string name)
    {
        try
        {
            return CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
