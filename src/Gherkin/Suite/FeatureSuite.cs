using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Gherkin.Parsing;

namespace ChaosFeatures.Gherkin.Suite;

/// <summary>
/// Every test case of a set of feature files, or the reasons some could not be loaded. Loading never
/// throws for bad input and never shrinks silently: a missing path, an unparsable file or a broken
/// scenario each appear in <see cref="Errors"/>, which callers report as failures.
/// </summary>
public sealed class FeatureSuite
{
    private readonly Dictionary<string, int> _indexById;

    private FeatureSuite(string root, IReadOnlyList<TestCase> testCases, IReadOnlyList<FeatureLoadError> errors, IReadOnlyList<ParsedFeature> parsed)
    {
        Root = root;
        TestCases = testCases;
        Errors = errors;
        Parsed = parsed;
        Features = [.. parsed.Select(p => p.Descriptor)];
        _indexById = testCases.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The folder feature paths and case ids are relative to.</summary>
    public string Root { get; }

    /// <summary>In a stable order: features by path (ordinal), scenarios in file order, rows, then combinations.</summary>
    public IReadOnlyList<TestCase> TestCases { get; }

    public IReadOnlyList<FeatureLoadError> Errors { get; }

    /// <summary>Features that parsed, by path.</summary>
    public IReadOnlyList<FeatureDescriptor> Features { get; }

    /// <summary>The parsed files (text and AST), for the Cucumber messages of a feature.</summary>
    internal IReadOnlyList<ParsedFeature> Parsed { get; }

    public TestCase? Find(string caseId) => _indexById.TryGetValue(caseId, out var index) ? TestCases[index] : null;

    /// <summary>Position of a case in <see cref="TestCases"/>, or <see cref="int.MaxValue"/> when it is not in the suite.</summary>
    public int IndexOf(string caseId) => _indexById.GetValueOrDefault(caseId, int.MaxValue);

    /// <param name="repoRoot">Ids and feature paths are relative to this directory.</param>
    /// <param name="paths">Feature files or directories (searched recursively for <c>*.feature</c>), relative to <paramref name="repoRoot"/> or absolute.</param>
    public static FeatureSuite Load(string repoRoot, IReadOnlyList<string> paths, ExpansionOptions options)
    {
        var root = Path.GetFullPath(repoRoot);
        var errors = new List<FeatureLoadError>();
        var files = FeatureFiles.Find(root, paths, errors);

        var cases = new List<TestCase>();
        var parsedFeatures = new List<ParsedFeature>();
        foreach (var (featurePath, fullPath) in files)
        {
            var parsed = FeatureParser.Parse(fullPath, featurePath, options.FeatureLanguage);
            errors.AddRange(parsed.Errors);
            if (parsed.Feature is not { } feature)
                continue;

            parsedFeatures.Add(feature);
            var expansion = FeatureExpander.Expand(feature, options);
            cases.AddRange(expansion.TestCases);
            errors.AddRange(expansion.Errors);
        }
        return new FeatureSuite(root, cases, errors, parsedFeatures);
    }
}
