using System.Collections.Concurrent;
using System.Reflection;
using ChaosFeatures.Gherkin.Bindings;

namespace ChaosFeatures.Gherkin.Execution.Injection;

/// <summary>How to build a type: its widest public constructor, found once per type and cached.</summary>
internal sealed class ConstructionPlan
{
    private static readonly ConcurrentDictionary<Type, ConstructionPlan> Cache = new();
    private readonly ConstructorInvoker? _invoker;

    private ConstructionPlan(Type type)
    {
        Type = type;
        if (type.IsAbstract || type.IsInterface || type.IsValueType || type == typeof(string) || type.ContainsGenericParameters)
        {
            Error = $"cannot create {type.Name}: only concrete classes can be injected (register interfaces yourself in a [BeforeScenario] hook via ScenarioContext).";
            return;
        }
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (constructor is null)
        {
            Error = $"cannot create {type.Name}: it has no public constructor.";
            return;
        }
        Dependencies = [.. constructor.GetParameters().Select(p => p.ParameterType)];
        _invoker = ConstructorInvoker.Create(constructor);
    }

    public Type Type { get; }

    public Type[] Dependencies { get; } = [];

    public string? Error { get; }

    public static ConstructionPlan For(Type type) => Cache.GetOrAdd(type, t => new ConstructionPlan(t));

    public object Create(object?[] arguments)
    {
        if (_invoker is null)
            throw new BindingException(Error!);
        try
        {
            return _invoker.Invoke(arguments.AsSpan());
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
