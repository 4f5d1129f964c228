using System.Reflection;
using ChaosFeatures.Gherkin.Bindings.Expressions;

namespace ChaosFeatures.Gherkin.Bindings.Discovery;

/// <summary>
/// Scans binding assemblies once. Every misuse becomes an error string instead of an exception, so a
/// broken binding fails every case loudly instead of hiding them all.
/// </summary>
internal static class BindingDiscovery
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static BindingRegistry Discover(IEnumerable<Assembly> assemblies)
    {
        var errors = new List<string>();
        return Discover([.. BindingTypes(assemblies, errors)], errors);
    }

    /// <summary>Discovers the given [Binding] classes only (tests use it to pick a handful of classes).</summary>
    public static BindingRegistry Discover(IReadOnlyList<Type> bindingTypes, List<string>? errors = null)
    {
        errors ??= [];
        var methods = bindingTypes.Where(t => t.IsDefined(typeof(BindingAttribute), false))
            .SelectMany(t => t.GetMethods(Declared).OrderBy(m => m.MetadataToken).Select(m => (Type: t, Method: m)))
            .ToList();
        var transformations = new List<TransformationBinding>();
        foreach (var (_, method) in methods)
        {
            foreach (var attribute in method.GetCustomAttributes<StepArgumentTransformationAttribute>())
                Collect(errors, method, () => transformations.Add(new TransformationBinding(new MethodBinding(method), attribute)));
        }
        var resolver = new ParameterTypeResolver(transformations);
        var steps = new List<StepDefinitionBinding>();
        var hooks = new List<HookBinding>();
        foreach (var (type, method) in methods)
        {
            var scopes = Scopes(type, method);
            var stepAttributes = method.GetCustomAttributes<StepDefinitionBaseAttribute>().ToArray();
            var hookAttributes = method.GetCustomAttributes<HookAttribute>().ToArray();
            if (stepAttributes.Length + hookAttributes.Length == 0)
                continue;
            Collect(errors, method, () =>
            {
                var binding = new MethodBinding(method);
                for (var i = 0; i < stepAttributes.Length; i++)
                {
                    var attribute = stepAttributes[i];
                    Collect(errors, method, () => steps.Add(StepDefinitionFactory.Create(binding, attribute, i, scopes, transformations, resolver)));
                }
                for (var i = 0; i < hookAttributes.Length; i++)
                {
                    var attribute = hookAttributes[i];
                    Collect(errors, method, () => hooks.Add(HookFactory.Create(binding, attribute, i, scopes)));
                }
            });
        }
        return new BindingRegistry(steps, hooks, transformations, errors);
    }

    private static IEnumerable<Type> BindingTypes(IEnumerable<Assembly> assemblies, List<string> errors)
    {
        foreach (var assembly in assemblies)
        {
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                errors.Add($"{assembly.GetName().Name}: some types could not be loaded: {string.Join("; ", e.LoaderExceptions.Select(l => l?.Message))}");
                types = [.. e.Types.OfType<Type>()];
            }
            foreach (var type in types.Where(t => t.IsDefined(typeof(BindingAttribute), false)).OrderBy(t => t.FullName, StringComparer.Ordinal))
                yield return type;
        }
    }

    private static IReadOnlyList<BindingScope> Scopes(Type type, MethodInfo method)
    {
        var onMethod = method.GetCustomAttributes<ScopeAttribute>().Select(BindingScope.From).ToArray();
        return onMethod.Length > 0 ? onMethod : [.. type.GetCustomAttributes<ScopeAttribute>().Select(BindingScope.From)];
    }

    private static void Collect(List<string> errors, MethodInfo method, Action register)
    {
        try
        {
            register();
        }
        catch (Exception e) when (e is BindingException or FormatException or ArgumentException)
        {
            var where = $"{method.DeclaringType?.FullName}.{method.Name}";
            errors.Add(e.Message.StartsWith(where, StringComparison.Ordinal) ? e.Message : $"{where}: {e.Message}");
        }
    }
}
