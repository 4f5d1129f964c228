using System.Reflection;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Bindings.Conversion;

/// <summary>Converts a step's data table or doc string to the method's last parameter.</summary>
internal sealed class StepArgumentBinder
{
    private readonly ParameterInfo _parameter;
    private readonly TransformationBinding? _tableTransformation;

    public StepArgumentBinder(ParameterInfo parameter, IReadOnlyList<TransformationBinding> transformations)
    {
        _parameter = parameter;
        var type = parameter.ParameterType;
        if (type == typeof(DataTable) || type == typeof(string))
            return;
        _tableTransformation = transformations.FirstOrDefault(t => t.FromTable && type.IsAssignableFrom(t.ReturnType))
            ?? throw new BindingException(
                $"Last parameter '{parameter.Name}' of {parameter.Member.DeclaringType?.FullName}.{parameter.Member.Name} takes the step's argument but is {type.Name}: use DataTable, string, or a [StepArgumentTransformation] from DataTable.");
    }

    public object? Bind(IBindingInstances instances, StepArgument argument)
    {
        var type = _parameter.ParameterType;
        return argument switch
        {
            DocStringArgument doc when type == typeof(string) => doc.Content,
            TableArgument table when type == typeof(DataTable) => DataTable.From(table),
            TableArgument table when _tableTransformation is not null => _tableTransformation.TransformTable(instances, DataTable.From(table)),
            _ => throw new StepArgumentException(
                $"The step has a {(argument is TableArgument ? "data table" : "doc string")} but parameter '{_parameter.Name}' is {type.Name}."),
        };
    }
}
