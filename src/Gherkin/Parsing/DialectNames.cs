using Gherkin;

namespace ChaosFeatures.Gherkin.Parsing;

/// <summary>
/// Maps reqnroll.json's <c>language.feature</c> (a culture name such as <c>en-US</c>) onto a Gherkin
/// dialect name: Gherkin knows <c>en</c> and <c>en-au</c> but not <c>en-US</c>, so we fall back to
/// the neutral language, as Reqnroll does.
/// </summary>
internal static class DialectNames
{
    private static readonly GherkinDialectProvider Provider = new("en");

    public static string Resolve(string cultureName)
    {
        var neutral = cultureName.Split('-')[0];
        foreach (var candidate in new[] { cultureName, cultureName.ToLowerInvariant(), neutral })
        {
            if (TryGet(candidate) is not null)
                return candidate;
        }
        // Unknown everywhere: let the parser report "Language not supported" against the file.
        return cultureName;
    }

    public static GherkinDialect? TryGet(string name)
    {
        try
        {
            return Provider.GetDialect(name, null);
        }
        catch (NoSuchLanguageException)
        {
            return null;
        }
    }
}
