using System.Reflection;
using ChaosFeatures.Gherkin.Bindings.Conversion;
using ChaosFeatures.Gherkin.Bindings.Expressions;

namespace ChaosFeatures.Gherkin.Bindings.Discovery;

/// <summary>
/// Resolves <c>{name}</c> in a Cucumber expression: built-ins, then transformations (by Name or return
/// type name), then the method parameter's own type name (<c>{MyEnum}</c>, <c>{DateTime}</c>, <c>{Guid}</c>).
/// </summary>
internal sealed class ParameterTypeResolver(IReadOnlyList<TransformationBinding> transformations)
{
    private readonly Dictionary<string, ParameterType> _custom = transformations
        .Where(t => !t.FromTable)
        .GroupBy(t => t.Name)
        .ToDictionary(g => g.Key, g => new ParameterType(g.Key, g.First().Pattern ?? ".*", Transformation: g.First()));

    public ParameterType? Resolve(string name, int slot, ParameterInfo[] parameters)
    {
        if (ParameterType.BuiltIn.TryGetValue(name, out var builtIn))
            return builtIn;
        if (_custom.TryGetValue(name, out var custom))
            return custom;
        if (slot >= parameters.Length)
            return null;
        var type = Nullable.GetUnderlyingType(parameters[slot].ParameterType) ?? parameters[slot].ParameterType;
        if (!string.Equals(type.Name, name, StringComparison.OrdinalIgnoreCase) || !ValueConverter.IsBuiltIn(type))
            return null;
        return new ParameterType(name, type.IsEnum ? @"\w+" : ".*");
    }
}
