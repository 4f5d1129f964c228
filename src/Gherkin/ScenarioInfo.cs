using System.Collections.Specialized;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin;

/// <summary>What a binding may want to know about the running scenario.</summary>
public sealed class ScenarioInfo
{
    internal ScenarioInfo(TestCase testCase, int iteration = 0)
    {
        TestCase = testCase;
        Iteration = iteration;
        Title = testCase.ScenarioName;
        CombinedTags = [.. testCase.Tags];
        var featureTags = new HashSet<string>(testCase.Feature.Tags, StringComparer.Ordinal);
        Tags = [.. testCase.Tags.Where(t => !featureTags.Contains(t))];
        Arguments = new OrderedDictionary();
        foreach (var (header, cell) in testCase.Example?.Values ?? new Dictionary<string, string>())
            Arguments.Add(header, cell);
    }

    public string Title { get; }

    /// <summary>Tags of the scenario itself (and its Examples block), without <c>@</c>.</summary>
    public string[] Tags { get; }

    /// <summary>Feature and scenario tags together, without <c>@</c>.</summary>
    public string[] CombinedTags { get; }

    /// <summary>The Examples row (header -> cell), empty for a plain scenario.</summary>
    public OrderedDictionary Arguments { get; }

    public TestCase TestCase { get; }

    /// <summary>
    /// 0-based run of this test case when it is run several times (<c>CHAOS_ITERATIONS</c>): each
    /// iteration derives its own seeds from it. Always 0 for a single run.
    /// </summary>
    public int Iteration { get; }
}
