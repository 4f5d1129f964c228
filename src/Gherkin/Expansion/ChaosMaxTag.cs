using Ast = Gherkin.Ast;

namespace ChaosFeatures.Gherkin.Expansion;

/// <summary><c>@chaos-max:N</c>: how many mutation combinations a feature, scenario or Examples block keeps.</summary>
internal static class ChaosMaxTag
{
    private const string Prefix = "@chaos-max";

    /// <returns>N of the last such tag in <paramref name="tags"/>, or null when there is none.</returns>
    public static int? Find(IEnumerable<Ast.Tag> tags)
    {
        int? cap = null;
        foreach (var tag in tags.Where(t => t.Name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)))
        {
            var number = tag.Name[Prefix.Length..] is [':', .. var digits] && digits.All(char.IsAsciiDigit) ? digits : "";
            cap = int.TryParse(number, out var n) && n >= 1
                ? n
                : throw new ExpansionException(tag.Location.Line, tag.Location.Column,
                    $"`{tag.Name}` is not a valid cap; write `@chaos-max:N` with a whole number N >= 1, e.g. `@chaos-max:50`");
        }
        return cap;
    }
}
