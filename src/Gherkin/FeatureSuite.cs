using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Parsing;
using Gherkin.Ast;

namespace ChaosFeatures.Gherkin;

/// <summary>
/// Every test case of a set of feature files, or the reasons some could not be loaded. Loading never
/// throws for bad input and never shrinks silently: a missing path, an unparsable file or a broken
/// scenario each appear in <see cref="Errors"/>, which callers report as failures.
/// </summary>
public sealed class FeatureSuite
{
    private FeatureSuite(
        IReadOnlyList<TestCase> testCases, IReadOnlyList<FeatureLoadError> errors, IReadOnlyList<FeatureDescriptor> features,
        IReadOnlyDictionary<string, string> sources, IReadOnlyDictionary<string, GherkinDocument> documents)
    {
        TestCases = testCases;
        Errors = errors;
        Features = features;
        Sources = sources;
        Documents = documents;
    }

    /// <summary>In a stable order: features by path (ordinal), scenarios in file order, rows, then combinations.</summary>
    public IReadOnlyList<TestCase> TestCases { get; }

    public IReadOnlyList<FeatureLoadError> Errors { get; }

    /// <summary>Features that parsed, by path.</summary>
    public IReadOnlyList<FeatureDescriptor> Features { get; }

    /// <summary>Repo-relative feature path -> file text, for reporters that show the source.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    /// <summary>Repo-relative feature path -> Gherkin AST, for reporters (e.g. the <c>gherkinDocument</c> message).</summary>
    public IReadOnlyDictionary<string, GherkinDocument> Documents { get; }

    /// <param name="repoRoot">Ids and feature paths are relative to this directory.</param>
    /// <param name="paths">Feature files or directories (searched recursively for <c>*.feature</c>), relative to <paramref name="repoRoot"/> or absolute.</param>
    public static FeatureSuite Load(string repoRoot, IReadOnlyList<string> paths, ExpansionOptions options)
    {
        var root = Path.GetFullPath(repoRoot);
        var errors = new List<FeatureLoadError>();
        var files = FeatureFiles.Find(root, paths, errors);

        var cases = new List<TestCase>();
        var features = new List<FeatureDescriptor>();
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        var documents = new Dictionary<string, GherkinDocument>(StringComparer.Ordinal);
        foreach (var (featurePath, fullPath) in files)
        {
            var parsed = FeatureParser.Parse(fullPath, featurePath, options.FeatureLanguage);
            errors.AddRange(parsed.Errors);
            if (parsed.Feature is not { } feature)
                continue;

            features.Add(feature.Descriptor);
            sources[featurePath] = feature.Source;
            documents[featurePath] = feature.Document;
            var expansion = FeatureExpander.Expand(feature, options);
            cases.AddRange(expansion.TestCases);
            errors.AddRange(expansion.Errors);
        }
        return new FeatureSuite(cases, errors, features, sources, documents);
    }
}
