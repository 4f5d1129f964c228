using System.Text;
using ChaosFeatures.Freeze.Cli;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Harness.Replay;

namespace ChaosFeatures.Freeze.Frozen;

/// <summary><c>&lt;out&gt;/&lt;topic&gt;/&lt;scenario slug&gt;__gen-&lt;G&gt;__sched-&lt;S&gt;.feature</c>, always inside <c>&lt;out&gt;</c>.</summary>
internal static class FrozenPath
{
    /// <summary>Topic tags, the folders of <c>features/</c> (DESIGN.md); a feature tagged with one is filed under it.</summary>
    private static readonly string[] TopicTags = ["io", "proxy", "http", "tls", "adversarial", "examples"];

    private const int MaxSlugLength = 60;

    public static string For(string outDirectory, TestCase original, ReplayDescriptor descriptor)
    {
        var topic = Slug(original.Feature.Tags.FirstOrDefault(t => TopicTags.Contains(t, StringComparer.Ordinal)) ?? Folder(original.Feature.Path));
        var name = Slug(original.ScenarioName);
        if (name.Length == 0) name = $"scenario-{original.ScenarioLine}";
        var file = $"{name}__gen-{descriptor.Seeds.Gen}__sched-{Slug(descriptor.Seeds.Sched)}.feature";

        var root = Path.GetFullPath(outDirectory);
        var path = Path.GetFullPath(Path.Combine(root, topic, file));
        if (topic.Length == 0 || !path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new FreezeInputException($"the frozen feature's path '{path}' would leave the output folder '{root}'");
        return path;
    }

    // A feature at the suite root has no folder; its own name files it.
    private static string Folder(string featurePath)
    {
        var parts = featurePath.Split('/');
        return parts.Length >= 2 ? parts[^2] : Path.GetFileNameWithoutExtension(featurePath);
    }

    /// <summary>Lower-case letters and digits joined by single dashes: nothing that could name another folder.</summary>
    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var result = slug.ToString().TrimEnd('-');
        return result.Length <= MaxSlugLength ? result : result[..MaxSlugLength].TrimEnd('-');
    }
}
