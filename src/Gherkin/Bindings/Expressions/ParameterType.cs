namespace ChaosFeatures.Gherkin.Bindings.Expressions;

/// <summary>A <c>{name}</c> usable in Cucumber expressions.</summary>
/// <param name="Pattern">Regex for the text, without anchors; may hold capture groups for a transformation.</param>
/// <param name="StripQuotes">True for <c>{string}</c>: the surrounding quotes are not part of the value.</param>
/// <param name="Transformation">The transformation that defines this type, or null for built-ins.</param>
internal sealed record ParameterType(string Name, string Pattern, bool StripQuotes = false, TransformationBinding? Transformation = null)
{
    public const string IntegerPattern = @"-?\d+";
    public const string FloatPattern = @"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?";

    public static readonly IReadOnlyDictionary<string, ParameterType> BuiltIn = new[]
    {
        new ParameterType("int", IntegerPattern),
        new ParameterType("long", IntegerPattern),
        new ParameterType("byte", IntegerPattern),
        new ParameterType("float", FloatPattern),
        new ParameterType("double", FloatPattern),
        new ParameterType("decimal", FloatPattern),
        new ParameterType("word", @"[^\s]+"),
        new ParameterType("string", @"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'", StripQuotes: true),
        new ParameterType("", ".*"),
    }.ToDictionary(p => p.Name);
}
