using System.Reflection;
using Reqnroll.Infrastructure;

namespace ChaosFeatures.Gherkin.Reqnroll;

/// <summary>
/// Reqnroll loads <c>bindingAssemblies</c> by name, which finds only what the running program references. A
/// tool that runs a suite it was not built with (freeze) also finds one copied next to it or next to the
/// test assembly; the message names where it looked.
/// </summary>
internal sealed class ProbingBindingAssemblyLoader(IReadOnlyList<string> folders) : IBindingAssemblyLoader
{
    public Assembly Load(string assemblyName)
    {
        try
        {
            return Assembly.Load(assemblyName);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException)
        {
            var file = new AssemblyName(assemblyName).Name + ".dll";
            foreach (var folder in folders)
                if (Path.Combine(folder, file) is var candidate && File.Exists(candidate))
                    return Assembly.LoadFrom(candidate);
            throw new FileNotFoundException(
                $"binding assembly '{assemblyName}' (reqnroll.json bindingAssemblies) could not be loaded; looked for {file} in {string.Join(", ", folders)}", file, e);
        }
    }
}
