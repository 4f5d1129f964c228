using System.Diagnostics;

namespace ChaosFeatures.EvilPeer.Forked;

/// <summary>Finds the <c>evilpeer</c> host and describes how to start it.</summary>
public static class HostLocator
{
    /// <summary>Path of <c>evilpeer.dll</c> (or an apphost) used when no path is given.</summary>
    public const string HostVariable = "EVILPEER_HOST";

    /// <summary>Our pid, given to the host so it can tell whether its parent died before it armed PDEATHSIG.</summary>
    public const string ParentPidVariable = "EVILPEER_PARENT_PID";

    /// <summary>Off in hosts unless the caller's environment sets it (see <see cref="StartInfo"/>).</summary>
    public const string DiagnosticsVariable = "DOTNET_EnableDiagnostics";

    /// <summary>
    /// The folder beside the tests where the ChaosFeatures.Steps package puts the host: a whole app with its own
    /// dependencies, so none of them lands among (or overwrites) the test project's.
    /// </summary>
    public const string PackagedHostFolder = "evilpeer-host";

    /// <summary>The host: <paramref name="hostPath"/>, else $EVILPEER_HOST, else evilpeer.dll next to this assembly, else in <see cref="PackagedHostFolder"/> there.</summary>
    public static string Resolve(string? hostPath = null)
    {
        string path = hostPath ?? Environment.GetEnvironmentVariable(HostVariable) ?? Beside();
        if (!File.Exists(path))
            throw new FileNotFoundException($"EvilPeer host not found at {path}: build src/EvilPeer.Host or set {HostVariable}", path);
        return path;
    }

    private static string Beside()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "evilpeer.dll");
        string packaged = Path.Combine(AppContext.BaseDirectory, PackagedHostFolder, "evilpeer.dll");
        return File.Exists(beside) || !File.Exists(packaged) ? beside : packaged;
    }

    /// <summary>The dotnet muxer that runs a framework-dependent <c>.dll</c>.</summary>
    public static string DotnetMuxer()
    {
        string? fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (fromSdk is not null && File.Exists(fromSdk)) return fromSdk;
        string? self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    /// <param name="arguments">After the host path, e.g. <c>client</c> for the evil-client mode.</param>
    internal static ProcessStartInfo StartInfo(string hostPath, params string[] arguments)
    {
        bool isDll = hostPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(isDll ? DotnetMuxer() : hostPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
        };
        if (isDll) info.ArgumentList.Add(hostPath);
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        info.Environment[ParentPidVariable] = Environment.ProcessId.ToString();
        // The runtime removes its debugger pipes and diagnostics socket from the temp folder only
        // on a normal exit, and hosts are killed on purpose: with them on, every kill left three
        // files behind. A user who wants to trace a host sets the variable themselves.
        info.Environment.TryAdd(DiagnosticsVariable, "0");
        return info;
    }
}
