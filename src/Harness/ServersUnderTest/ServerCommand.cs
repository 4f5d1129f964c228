using System.Text;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.Harness.ServersUnderTest;

/// <summary>
/// The command line that starts a server under test, as a feature or <c>reqnroll.json</c> writes it:
/// <c>dotnet path/server.dll --port {port}</c>. <c>{port}</c> becomes the port the harness picked
/// and <c>{folder}</c> the server's own temporary folder. No shell runs it: quoting is only for
/// arguments with spaces ('…' or "…").
/// </summary>
public sealed record ServerCommand
{
    public const string PortPlaceholder = "{port}";
    public const string FolderPlaceholder = "{folder}";

    public ServerCommand(string program, IReadOnlyList<string>? arguments = null)
    {
        new Validator("server command")
            .Require(!string.IsNullOrWhiteSpace(program), "command", "is empty; give the program that starts the server, e.g. \"dotnet server.dll --port {port}\"")
            .ThrowIfAny();
        Program = program;
        Arguments = arguments ?? [];
    }

    public string Program { get; }
    public IReadOnlyList<string> Arguments { get; }

    public bool HasPortPlaceholder => Arguments.Any(a => a.Contains(PortPlaceholder, StringComparison.Ordinal));

    /// <exception cref="OptionsValidationException">Empty, or a quote is not closed.</exception>
    public static ServerCommand Parse(string commandLine)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (char c in commandLine ?? "")
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
                else word.Append(c);
            }
            else if (c is '\'' or '"') (quote, inWord) = (c, true);
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                (inWord, word) = (false, word.Clear());
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (quote != '\0') throw new OptionsValidationException("server command", [$"command: the quote {quote} is not closed in \"{commandLine}\""]);
        if (inWord) words.Add(word.ToString());
        return words.Count == 0 ? new ServerCommand("") : new ServerCommand(words[0], words[1..]);
    }

    /// <summary>A framework-dependent .NET app: <c>dotnet app.dll args...</c>, with the muxer that runs us.</summary>
    public static ServerCommand Dotnet(string dll, params string[] arguments) =>
        new(EvilPeer.Forked.HostLocator.DotnetMuxer(), [dll, .. arguments]);

    /// <summary>The arguments with the placeholders filled in.</summary>
    public IReadOnlyList<string> ArgumentsFor(int port, string folder) =>
        [.. Arguments.Select(a => a.Replace(PortPlaceholder, port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(FolderPlaceholder, folder, StringComparison.Ordinal))];

    /// <summary>The program's full path: as given when it has a '/', else the first match on PATH; null when there is none.</summary>
    public string? ResolveProgram()
    {
        if (Program.Contains('/')) return File.Exists(Program) ? Path.GetFullPath(Program) : null;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, Program))
            .FirstOrDefault(File.Exists);
    }

    public override string ToString() => string.Join(' ', new[] { Program }.Concat(Arguments).Select(w => w.Length == 0 || w.Any(char.IsWhiteSpace) ? $"'{w}'" : w));
}
