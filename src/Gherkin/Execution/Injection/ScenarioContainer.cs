using ChaosFeatures.Gherkin.Bindings;

namespace ChaosFeatures.Gherkin.Execution.Injection;

/// <summary>
/// Constructor injection for one scenario: every class is created on first request, shared for the
/// rest of the scenario, and disposed after it in reverse creation order. Registered instances
/// (contexts, output helper) are injected but not disposed: the runner owns them.
/// </summary>
internal sealed class ScenarioContainer : IBindingInstances
{
    private readonly Dictionary<Type, object> _instances = [];
    private readonly List<object> _created = [];
    private readonly List<Type> _resolving = [];

    public void Register(Type type, object instance) => _instances[type] = instance;

    public object Get(Type type)
    {
        // A lock, not a concurrent map: resolution is recursive and the watchdog's after-phase may
        // overlap an abandoned step thread.
        lock (_instances)
            return Resolve(type);
    }

    private object Resolve(Type type)
    {
        if (_instances.TryGetValue(type, out var existing))
            return existing;
        if (_resolving.Contains(type))
            throw new BindingException($"Circular dependency: {string.Join(" -> ", _resolving.Append(type).Select(t => t.Name))}.");
        var plan = ConstructionPlan.For(type);
        if (plan.Error is not null)
            throw new BindingException(_resolving.Count == 0 ? plan.Error : $"{plan.Error} (needed by {_resolving[^1].Name})");
        _resolving.Add(type);
        try
        {
            var arguments = new object?[plan.Dependencies.Length];
            for (var i = 0; i < arguments.Length; i++)
                arguments[i] = Resolve(plan.Dependencies[i]);
            var instance = plan.Create(arguments);
            _instances[type] = instance;
            _created.Add(instance);
            return instance;
        }
        finally
        {
            _resolving.RemoveAt(_resolving.Count - 1);
        }
    }

    /// <summary>Disposes created instances, newest first; returns the failures instead of stopping at one.</summary>
    public async Task<IReadOnlyList<string>> DisposeAsync()
    {
        object[] created;
        lock (_instances)
        {
            created = [.. _created];
            _created.Clear();
        }
        var errors = new List<string>();
        for (var i = created.Length - 1; i >= 0; i--)
        {
            try
            {
                if (created[i] is IAsyncDisposable asyncDisposable)
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                else if (created[i] is IDisposable disposable)
                    disposable.Dispose();
            }
            catch (Exception e)
            {
                errors.Add($"Disposing {created[i].GetType().Name} failed: {e.GetType().Name}: {e.Message}");
            }
        }
        return errors;
    }
}
