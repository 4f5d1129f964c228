using System.Globalization;

namespace ChaosFeatures.Samples.LengthPrefixed;

/// <summary>The command line, validated as it enters: every bad option is named with its range, on one line.</summary>
internal sealed record ServerOptions
{
    public int Port { get; private init; }
    public int MaxFrameBytes { get; private init; } = 64 * 1024;
    public int MaxConnections { get; private init; } = 64;
    public int IdleTimeoutMs { get; private init; } = 10_000;
    public int FrameTimeoutMs { get; private init; } = 5_000;
    public int DrainTimeoutMs { get; private init; } = 5_000;

    /// <summary>
    /// When the declared frame size is checked: <c>late</c> (the default, and the planted bug) checks it
    /// after the whole frame has been read and buffered; <c>early</c> checks the header before reading on.
    /// </summary>
    public bool CheckSizeEarly { get; private init; }

    public const string Usage =
        "usage: lengthprefixed-server [--port N] [--max-frame BYTES] [--max-connections N] [--idle-timeout MS] " +
        "[--frame-timeout MS] [--drain-timeout MS] [--size-check late|early]";

    public static ServerOptions Parse(string[] args)
    {
        var options = new ServerOptions();
        var errors = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Length)
            {
                errors.Add($"{name}: needs a value");
                break;
            }
            string value = args[++i];
            switch (name)
            {
                case "--port": options = options with { Port = Int(name, value, 0, 65535, errors) }; break;
                case "--max-frame": options = options with { MaxFrameBytes = Int(name, value, 1, 256 * 1024 * 1024, errors) }; break;
                case "--max-connections": options = options with { MaxConnections = Int(name, value, 1, 100_000, errors) }; break;
                case "--idle-timeout": options = options with { IdleTimeoutMs = Int(name, value, 1, 3_600_000, errors) }; break;
                case "--frame-timeout": options = options with { FrameTimeoutMs = Int(name, value, 1, 3_600_000, errors) }; break;
                case "--drain-timeout": options = options with { DrainTimeoutMs = Int(name, value, 0, 3_600_000, errors) }; break;
                case "--size-check" when value is "late" or "early": options = options with { CheckSizeEarly = value == "early" }; break;
                case "--size-check": errors.Add($"--size-check: \"{value}\" is not late or early"); break;
                default: errors.Add($"{name}: unknown option ({Usage})"); break;
            }
        }
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors));
        return options;
    }

    private static int Int(string name, string value, int min, int max, List<string> errors)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n >= min && n <= max) return n;
        errors.Add($"{name}: \"{value}\" is not an integer in {min}..{max}");
        return min;
    }
}
