using System.Globalization;
using System.Text.Json.Nodes;
using ChaosFeatures.EvilPeer.EvilClients.Forked;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Host;

/// <summary>
/// <c>evilpeer client [--table FILE.json] [--field value]... [--flag]...</c>: with no options the
/// client table is one JSON line on stdin (forked mode); otherwise every <c>--kebab-case</c> option is
/// the table field of that name (<c>--max-duration 5000</c> is <c>maxDuration</c>), so the CLI and
/// the table can never disagree. <c>--hard-close</c> and <c>--allow-non-loopback</c> take no value.
/// </summary>
internal static class ClientCommandLine
{
    private static readonly HashSet<string> Flags = ["hardClose", "allowNonLoopback"];

    /// <param name="args">After <c>client</c>.</param>
    public static async Task<ClientTable> ReadAsync(IReadOnlyList<string> args, TextReader stdin)
    {
        if (args.Count == 0)
            return ClientTable.Parse(await stdin.ReadLineAsync()
                ?? throw new OptionsValidationException("client table", ["stdin: closed before a client-table line"]));
        if (args is ["--table", var file]) return ClientTable.Parse(await File.ReadAllTextAsync(file));
        var json = new JsonObject();
        var errors = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string option = args[i];
            if (!option.StartsWith("--", StringComparison.Ordinal) || option.Length < 3)
            {
                errors.Add($"{option}: expected an option --name (see --help)");
                continue;
            }
            string field = Camel(option[2..]);
            if (Flags.Contains(field)) json[field] = true;
            else if (i + 1 >= args.Count) errors.Add($"{option}: needs a value");
            else json[field] = Value(args[++i]);
        }
        if (errors.Count > 0) throw new OptionsValidationException("command line", errors);
        return ClientTable.Parse(json.ToJsonString());
    }

    private static string Camel(string kebab)
    {
        string[] parts = kebab.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    // Numbers go in as JSON numbers, so "--connections ten" is rejected by the table naming the field.
    private static JsonNode Value(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? JsonValue.Create(n) : JsonValue.Create(text);
}
