using System.Reflection;
using ChaosFeatures.Freeze.Cli;
using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Execution;

namespace ChaosFeatures.Freeze.Suite;

/// <summary>The assemblies named in reqnroll.json, loaded by name or from next to the tool, and the run settings.</summary>
internal static class BindingAssemblies
{
    public static IReadOnlyList<Assembly> Load(RunnerConfiguration configuration)
    {
        if (configuration.BindingAssemblies.Count == 0)
            throw new FreezeInputException("reqnroll.json names no bindingAssemblies; --shrink and --verify need the step definitions");
        return [.. configuration.BindingAssemblies.Select(LoadOne)];
    }

    public static ExecutionSettings Settings(RunnerConfiguration configuration) => new()
    {
        MissingOrPendingStepsOutcome = configuration.MissingOrPendingStepsOutcome,
        StopAtFirstError = configuration.StopAtFirstError,
        ScenarioTimeout = TimeSpan.FromSeconds(configuration.ScenarioTimeoutSeconds),
    };

    private static Assembly LoadOne(string name)
    {
        try { return Assembly.Load(new AssemblyName(name)); }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            // Not in freeze's own dependencies: a binding assembly copied next to the tool still works.
            var beside = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            if (File.Exists(beside)) return Assembly.LoadFrom(beside);
            throw new FreezeInputException($"reqnroll.json: binding assembly '{name}' cannot be loaded ({e.Message.ReplaceLineEndings(" ")})", e);
        }
    }
}
