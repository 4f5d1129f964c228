using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Suite;

namespace ChaosFeatures.Gherkin.Tests.Parsing;

/// <summary>A throwaway repo root with feature files written from strings; deleted on dispose.</summary>
public sealed class TempRepo : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("chaos-features-").FullName;

    public TempRepo Write(string relativePath, string text)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    public FeatureSuite Load(params string[] paths) => Load(ExpansionOptions.Default, paths);

    public FeatureSuite Load(ExpansionOptions options, params string[] paths) =>
        FeatureSuite.Load(Root, paths.Length == 0 ? ["features"] : paths, options);

    /// <summary>Loads a single feature text as features/test.feature and insists it loaded cleanly.</summary>
    public static FeatureSuite LoadClean(string feature, ExpansionOptions? options = null)
    {
        using var repo = new TempRepo().Write("features/test.feature", feature);
        var suite = repo.Load(options ?? ExpansionOptions.Default);
        suite.Errors.Should().BeEmpty();
        return suite;
    }

    /// <summary>Loads a single feature text and returns its errors.</summary>
    public static IReadOnlyList<Model.FeatureLoadError> LoadErrors(string feature)
    {
        using var repo = new TempRepo().Write("features/test.feature", feature);
        return repo.Load().Errors;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
