using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace ChaosFeatures.Gherkin.Bindings;

/// <summary>
/// A binding method prepared once at discovery: a fast invoker and its return shape, so a call per
/// step is an invoke plus (for async methods) an await.
/// </summary>
internal sealed class MethodBinding
{
    private readonly MethodInvoker _invoker;

    public MethodBinding(MethodInfo method)
    {
        Method = method;
        Name = $"{method.DeclaringType!.FullName}.{method.Name}";
        Parameters = method.GetParameters();
        _invoker = MethodInvoker.Create(method);
        if (method.ReturnType == typeof(void) && method.IsDefined(typeof(AsyncStateMachineAttribute)))
            throw new BindingException($"{Name} is 'async void': the runner cannot await it; return Task instead.");
    }

    public MethodInfo Method { get; }

    public string Name { get; }

    public ParameterInfo[] Parameters { get; }

    public bool IsStatic => Method.IsStatic;

    public Type DeclaringType => Method.DeclaringType!;

    /// <summary>Stable signature used in binding ids.</summary>
    public string Signature => $"{Name}({string.Join(",", Parameters.Select(p => p.ParameterType.Name))})";

    public object? Invoke(object? target, object?[] args)
    {
        try
        {
            return _invoker.Invoke(target, args.AsSpan());
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    public ValueTask InvokeAsync(object? target, object?[] args) => Invoke(target, args) switch
    {
        Task task => new ValueTask(task),
        ValueTask valueTask => valueTask,
        _ => ValueTask.CompletedTask,
    };

    public object? Target(IBindingInstances instances) => IsStatic ? null : instances.Get(DeclaringType);
}
