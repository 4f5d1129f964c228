namespace ChaosFeatures.Harness.ServersUnderTest.Probes;

/// <summary>
/// Probes by the names a feature or <c>reqnroll.json</c> gives them: <c>connect</c>, <c>length-prefixed</c>
/// (the sample server's echo), <c>redis-ping</c> (PING, +PONG) and <c>line:REQUEST -> REPLY</c> (one line out, one back).
/// </summary>
public static class ServerProbes
{
    public const string LinePrefix = "line:";
    private const string LineArrow = " -> ";

    /// <summary>The accepted forms, for messages.</summary>
    public const string Names = "connect, length-prefixed, redis-ping, line:REQUEST -> REPLY";

    /// <summary>The probe named <paramref name="name"/>, or null with <paramref name="problem"/> saying why not (one line).</summary>
    public static IServerProbe? TryParse(string? name, out string problem)
    {
        problem = "";
        switch (name)
        {
            case "connect": return ConnectProbe.Instance;
            case "length-prefixed": return LengthPrefixedProbe.Default;
            case "redis-ping": return LineProbe.RedisPing;
        }
        if (name is not null && name.StartsWith(LinePrefix, StringComparison.Ordinal))
        {
            string[] parts = name[LinePrefix.Length..].Split(LineArrow);
            if (parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0) return new LineProbe(parts[0], parts[1]);
            problem = $"\"{name}\" is not line:REQUEST -> REPLY (both non-empty, one \"{LineArrow.Trim()}\")";
            return null;
        }
        problem = $"\"{name}\" is not one of {Names}";
        return null;
    }

    /// <exception cref="ArgumentException">Not a known probe; the message lists them.</exception>
    public static IServerProbe Parse(string name) =>
        TryParse(name, out string problem) ?? throw new ArgumentException($"probe: {problem}", nameof(name));
}
