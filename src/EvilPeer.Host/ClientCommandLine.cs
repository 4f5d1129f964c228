using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChaosFeatures.EvilPeer.EvilClients.Forked;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Host;

/// <summary>
/// <c>evilpeer client [--table FILE.json] [--field value]... [--flag]...</c>: with no options the
/// client table is one JSON line on stdin (forked mode); otherwise every <c>--kebab-case</c> option is
/// the table field of that name (<c>--max-duration 5000</c> is <c>maxDuration</c>): the options are made from the
/// table's properties, so the CLI and the table can never disagree. <c>--hard-close</c> and <c>--allow-non-loopback</c> take no value.
/// </summary>
internal static class ClientCommandLine
{
    // One option per table field, from the table itself; bool fields (hardClose, allowNonLoopback) take no value.
    private static readonly (Option Option, string Field)[] Fields =
    [
        .. typeof(ClientTable).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p =>
            (p.PropertyType == typeof(bool) ? (Option)HostParser.Flag(Kebab(p.Name)) : HostParser.Valued(Kebab(p.Name)), JsonNamingPolicy.CamelCase.ConvertName(p.Name))),
    ];

    private static readonly Command Command = HostParser.Command("client", Fields.Select(f => f.Option));

    /// <param name="args">After <c>client</c>.</param>
    public static async Task<ClientTable> ReadAsync(IReadOnlyList<string> args, TextReader stdin)
    {
        if (args.Count == 0)
            return ClientTable.Parse(await stdin.ReadLineAsync()
                ?? throw new OptionsValidationException("client table", ["stdin: closed before a client-table line"]));
        if (args is ["--table", var file]) return ClientTable.Parse(await File.ReadAllTextAsync(file));
        var result = HostParser.Parse(Command, args);
        var json = new JsonObject();
        foreach (var (option, field) in Fields)
        {
            if (option is Option<bool> flag) { if (result.GetValue(flag)) json[field] = true; }
            else if (result.Values((Option<string[]>)option) is [.., var last]) json[field] = Value(last); // the last one wins
        }
        return ClientTable.Parse(json.ToJsonString());
    }

    private static string Kebab(string pascal) => "--" + JsonNamingPolicy.KebabCaseLower.ConvertName(pascal);

    // Numbers go in as JSON numbers, so "--connections ten" is rejected by the table naming the field.
    private static JsonNode Value(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? JsonValue.Create(n) : JsonValue.Create(text);
}
