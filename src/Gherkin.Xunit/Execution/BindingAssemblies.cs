using System.Reflection;
using ChaosFeatures.Gherkin.Configuration;

namespace ChaosFeatures.Gherkin.Xunit.Execution;

/// <summary>The test assembly itself plus every assembly named in <c>bindingAssemblies</c>.</summary>
internal static class BindingAssemblies
{
    public static IReadOnlyList<Assembly> Load(RunnerConfiguration configuration, Assembly testAssembly)
    {
        var assemblies = new List<Assembly> { testAssembly };
        foreach (var name in configuration.BindingAssemblies)
        {
            Assembly loaded;
            try { loaded = Assembly.Load(new AssemblyName(name)); }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                throw new InvalidOperationException(
                    $"reqnroll.json: binding assembly '{name}' could not be loaded ({e.Message}); reference its project from the test project", e);
            }
            if (!assemblies.Contains(loaded)) assemblies.Add(loaded);
        }
        return assemblies;
    }
}
