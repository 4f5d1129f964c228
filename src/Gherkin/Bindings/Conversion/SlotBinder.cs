using System.Reflection;
using ChaosFeatures.Gherkin.Bindings.Expressions;

namespace ChaosFeatures.Gherkin.Bindings.Conversion;

/// <summary>
/// Converts one captured argument to one step-method parameter. The route (custom parameter type,
/// transformation by return type, or built-in conversion) is chosen once at discovery.
/// </summary>
internal sealed class SlotBinder
{
    private readonly ParameterInfo _parameter;
    private readonly TransformationBinding[] _byReturnType;
    private readonly Func<string, object?>? _builtIn;

    public SlotBinder(ParameterInfo parameter, IReadOnlyList<TransformationBinding> transformations)
    {
        _parameter = parameter;
        _byReturnType = [.. transformations.Where(t => !t.FromTable && parameter.ParameterType.IsAssignableFrom(t.ReturnType))];
        _builtIn = ValueConverter.For(parameter.ParameterType);
        if (_builtIn is null && _byReturnType.Length == 0)
            throw new BindingException(
                $"Parameter '{parameter.Name}' of {parameter.Member.DeclaringType?.FullName}.{parameter.Member.Name}: no conversion to {parameter.ParameterType.Name} (add a [StepArgumentTransformation]).");
    }

    public object? Bind(IBindingInstances instances, CapturedArgument argument)
    {
        try
        {
            if (argument.Type?.Transformation is { } custom)
                return custom.Transform(instances, argument.Value, argument.Inner);
            foreach (var transformation in _byReturnType)
            {
                if (transformation.Accepts(argument.Value))
                    return transformation.Transform(instances, argument.Value, []);
            }
            return _builtIn is not null
                ? _builtIn(argument.Value)
                : throw new FormatException($"no [StepArgumentTransformation] for {_parameter.ParameterType.Name} accepts it");
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidCastException)
        {
            throw new StepArgumentException(
                $"Cannot convert '{argument.Value}' to {_parameter.ParameterType.Name} for parameter '{_parameter.Name}': {e.Message}", e);
        }
    }
}
