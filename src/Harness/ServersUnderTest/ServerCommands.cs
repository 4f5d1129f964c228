using System.Globalization;

namespace ChaosFeatures.Harness.ServersUnderTest;

/// <summary>
/// Command lines of the servers the suite ships targets for: the sample length-prefixed server
/// (examples/SampleServers/LengthPrefixed) and Debian's redis-server with its limits set.
/// </summary>
public static class ServerCommands
{
    public const string LengthPrefixedDll = "lengthprefixed-server.dll";

    /// <summary>A folder holding <see cref="LengthPrefixedDll"/>, when it is not next to the running assembly.</summary>
    public const string SampleServersVariable = "CHAOS_SAMPLE_SERVERS";

    public const string RedisProgram = "redis-server";
    public const string RedisInstall = "apt-get install redis-server";

    /// <summary><c>dotnet lengthprefixed-server.dll --port {port} ARGS</c>, e.g. <c>"--max-frame", "1024"</c>.</summary>
    /// <exception cref="InvalidOperationException">The sample is not built; the message says how to get it.</exception>
    public static ServerCommand LengthPrefixed(params string[] arguments)
    {
        string folder = Environment.GetEnvironmentVariable(SampleServersVariable) ?? AppContext.BaseDirectory;
        string dll = Path.Combine(folder, LengthPrefixedDll);
        if (!File.Exists(dll))
            throw new InvalidOperationException($"the sample server {dll} is not built: build examples/SampleServers/LengthPrefixed or set {SampleServersVariable}");
        return ServerCommand.Dotnet(dll, ["--port", ServerCommand.PortPlaceholder, .. arguments]);
    }

    /// <summary>
    /// redis-server on 127.0.0.1, no persistence, files in its own folder, with the limits a test observes:
    /// <c>maxclients</c>, <c>timeout</c> (idle seconds, 0 = never) and the normal clients'
    /// <c>client-output-buffer-limit</c> (<c>"hard soft seconds"</c>, e.g. <c>"1mb 512kb 2"</c>; null = redis's default, none).
    /// </summary>
    public static ServerCommand Redis(int maxClients = 10_000, int idleTimeoutSeconds = 0, string? normalOutputBufferLimit = null, params string[] arguments)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxClients, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(idleTimeoutSeconds);
        string[] limit = normalOutputBufferLimit is null ? [] : ["--client-output-buffer-limit", "normal " + normalOutputBufferLimit];
        return new ServerCommand(RedisProgram,
        [
            "--port", ServerCommand.PortPlaceholder, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", ServerCommand.FolderPlaceholder, "--maxclients", maxClients.ToString(CultureInfo.InvariantCulture),
            "--timeout", idleTimeoutSeconds.ToString(CultureInfo.InvariantCulture), .. limit, .. arguments,
        ]);
    }
}
