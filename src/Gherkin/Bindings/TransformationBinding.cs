using System.Text.RegularExpressions;
using ChaosFeatures.Gherkin.Bindings.Conversion;

namespace ChaosFeatures.Gherkin.Bindings;

/// <summary>A <c>[StepArgumentTransformation]</c> method: text (or a table) in, its return type out.</summary>
internal sealed class TransformationBinding
{
    private readonly Func<string, object?>[] _parameterConverters;

    public TransformationBinding(MethodBinding method, StepArgumentTransformationAttribute attribute)
    {
        Method = method;
        ReturnType = method.Method.ReturnType;
        Name = attribute.Name ?? ReturnType.Name;
        Pattern = attribute.Regex?.TrimStart('^').TrimEnd('$');
        Regex = Pattern is null ? null : new Regex("^(?:" + Pattern + ")$", RegexOptions.CultureInvariant);
        if (ReturnType == typeof(void) || typeof(Task).IsAssignableFrom(ReturnType) || ReturnType == typeof(ValueTask))
            throw new BindingException($"{method.Name}: a step argument transformation must return the converted value synchronously.");
        FromTable = method.Parameters is [{ ParameterType: var only }] && only == typeof(DataTable);
        _parameterConverters = FromTable
            ? []
            : [.. method.Parameters.Select(p => ValueConverter.For(p.ParameterType)
                ?? throw new BindingException($"{method.Name}: transformation parameter '{p.Name}' must be a string or a built-in type, not {p.ParameterType.Name}."))];
    }

    public MethodBinding Method { get; }

    public Type ReturnType { get; }

    public string Name { get; }

    /// <summary>The regex as given, without anchors; null when the transformation takes any text.</summary>
    public string? Pattern { get; }

    public Regex? Regex { get; }

    public bool FromTable { get; }

    public bool Accepts(string value) => !FromTable && (Regex is null || Regex.IsMatch(value));

    /// <summary>Converts captured text; the method's parameters take the pattern's capture groups, or the whole text.</summary>
    public object? Transform(IBindingInstances instances, string value, string[] inner)
    {
        var count = _parameterConverters.Length;
        var groups = Regex?.Match(value).Groups.Values.Skip(1).Select(g => g.Value).ToArray() ?? [];
        var texts = inner.Length == count && count > 0 ? inner
            : groups.Length == count ? groups
            : count == 1 ? [value]
            : groups;
        if (texts.Length != count)
            throw new BindingException($"{Method.Name} takes {count} parameters but its pattern captures {texts.Length} groups from '{value}'.");
        var args = new object?[_parameterConverters.Length];
        for (var i = 0; i < args.Length; i++)
            args[i] = _parameterConverters[i](texts[i]);
        return Method.Invoke(Method.Target(instances), args);
    }

    public object? TransformTable(IBindingInstances instances, DataTable table) =>
        Method.Invoke(Method.Target(instances), [table]);
}
