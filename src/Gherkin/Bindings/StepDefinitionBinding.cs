using ChaosFeatures.Gherkin.Bindings.Conversion;
using ChaosFeatures.Gherkin.Bindings.Expressions;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Bindings;

/// <summary>One step definition attribute on one method, compiled and ready to match and bind.</summary>
internal sealed class StepDefinitionBinding
{
    private readonly SlotBinder[] _slots;
    private readonly StepArgumentBinder? _argument;

    public StepDefinitionBinding(
        StepDefinitionInfo info, MethodBinding method, CompiledExpression expression,
        IReadOnlyList<BindingScope> scopes, IReadOnlyList<TransformationBinding> transformations)
    {
        Info = info;
        Method = method;
        Expression = expression;
        Scopes = scopes;
        var parameters = method.Parameters;
        var slotCount = expression.Slots.Count;
        if (parameters.Length != slotCount && parameters.Length != slotCount + 1)
            throw new BindingException(
                $"{method.Name} has {parameters.Length} parameters but \"{info.Expression}\" captures {slotCount} (plus at most one DataTable/doc string parameter).");
        _slots = [.. parameters.Take(slotCount).Select(p => new SlotBinder(p, transformations))];
        _argument = parameters.Length > slotCount ? new StepArgumentBinder(parameters[^1], transformations) : null;
    }

    public StepDefinitionInfo Info { get; }

    public MethodBinding Method { get; }

    public CompiledExpression Expression { get; }

    public IReadOnlyList<BindingScope> Scopes { get; }

    public bool TakesArgument => _argument is not null;

    public bool Answers(StepKeywordType keywordType) => Info.KeywordTypes.Contains(keywordType);

    public object?[] BindArguments(IBindingInstances instances, CapturedArgument[] captured, StepArgument? argument)
    {
        var args = new object?[_slots.Length + (_argument is null ? 0 : 1)];
        for (var i = 0; i < _slots.Length; i++)
            args[i] = _slots[i].Bind(instances, captured[i]);
        if (_argument is not null)
            args[^1] = _argument.Bind(instances, argument!);
        return args;
    }
}
