using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary>What one feature expanded into: its test cases and the scenarios that could not be expanded.</summary>
internal sealed record FeatureExpansion(IReadOnlyList<TestCase> TestCases, IReadOnlyList<FeatureLoadError> Errors);
