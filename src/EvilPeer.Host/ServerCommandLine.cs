using System.CommandLine;
using System.Globalization;
using ChaosFeatures.Control;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Host;

/// <summary>
/// <c>evilpeer server [--host 127.0.0.1] [--port 8474] [--config FILE] [--seed N] [--byte-events]</c>:
/// the Toxiproxy-compatible control server. Toxiproxy's own single-dash spellings (<c>-host</c>,
/// <c>-port</c>, <c>-config</c>, <c>-seed</c>) work too, so a <c>toxiproxy-server</c> command line
/// runs unchanged.
/// </summary>
internal static class ServerCommandLine
{
    private static readonly Option<string> Host = new("--host", "-host")
    {
        Description = "address the API listens on (an IP or localhost)",
        DefaultValueFactory = _ => "127.0.0.1",
    };

    private static readonly Option<string> Port = new("--port", "-port")
    {
        Description = "API port, 0..65535 (0 picks a free one)",
        DefaultValueFactory = _ => ControlServerOptions.DefaultPort.ToString(CultureInfo.InvariantCulture),
    };

    private static readonly Option<string?> Config = new("--config", "-config")
    {
        Description = "a /populate JSON array (toxics included) applied at start",
    };

    private static readonly Option<string?> Seed = new("--seed", "-seed")
    {
        Description = "seed of every toxicity draw, 0..18446744073709551615 (default: random, printed in the seed event)",
    };

    private static readonly Option<bool> ByteEvents = new("--byte-events")
    {
        Description = "also print a read and a write event per chunk",
    };

    public const string Usage = "evilpeer server [--host 127.0.0.1] [--port 8474] [--config FILE] [--seed N] [--byte-events]";

    /// <returns>The options, or null after printing help.</returns>
    /// <exception cref="OptionsValidationException">One line naming the option and what it allows.</exception>
    public static ControlServerOptions? Parse(IReadOnlyList<string> args, TextWriter output)
    {
        var command = new RootCommand("evilpeer server: a Toxiproxy-compatible control server over EvilPeer toxic proxies")
        {
            Host, Port, Config, Seed, ByteEvents,
        };
        ParseResult result = command.Parse([.. args]);
        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            output.WriteLine(Usage);
            foreach (Option option in new Option[] { Host, Port, Config, Seed, ByteEvents })
                output.WriteLine($"  {string.Join(", ", new[] { option.Name }.Concat(option.Aliases)),-22} {option.Description}");
            return null;
        }
        if (result.Errors.Count > 0) throw new OptionsValidationException("command line", [result.Errors[0].Message]);

        var errors = new List<string>();
        string portText = result.GetValue(Port)!;
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
            errors.Add($"--port: \"{portText}\" is not a port in 0..65535");
        ulong? seed = null;
        if (result.GetValue(Seed) is { } seedText)
        {
            if (ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out ulong parsed)) seed = parsed;
            else errors.Add($"--seed: \"{seedText}\" is not an integer in 0..18446744073709551615");
        }
        if (errors.Count > 0) throw new OptionsValidationException("command line", errors);
        return new ControlServerOptions
        {
            Host = result.GetValue(Host)!,
            Port = port,
            ConfigFile = result.GetValue(Config),
            Seed = seed,
            ByteEvents = result.GetValue(ByteEvents),
        };
    }
}
