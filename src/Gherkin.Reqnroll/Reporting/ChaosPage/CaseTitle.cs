using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Reporting.ChaosPage;

/// <summary>A case's name inside its feature: the display name without the leading <c>Feature: </c>, keeping the row and combination.</summary>
internal static class CaseTitle
{
    public static string Of(TestCase testCase)
    {
        var prefix = testCase.Feature.Title + ": ";
        return testCase.DisplayName.StartsWith(prefix, StringComparison.Ordinal) ? testCase.DisplayName[prefix.Length..] : testCase.DisplayName;
    }
}
