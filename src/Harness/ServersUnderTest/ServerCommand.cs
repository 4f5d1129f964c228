using System.Text;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.Harness.ServersUnderTest;

/// <summary>
/// The command line that starts a server under test, as a feature or <c>reqnroll.json</c> writes it:
/// <c>dotnet {bin}/server.dll --port {port}</c>. <c>{port}</c> becomes the port the harness picked,
/// <c>{folder}</c> the server's own temporary folder and <c>{bin}</c> the folder of the running tests (where a
/// project-referenced server is built). No shell runs it: quoting is only for arguments with spaces ('…' or "…").
/// <c>dotnet</c> is the muxer that runs the tests; a relative program path starts from the working directory.
/// </summary>
public sealed record ServerCommand
{
    public const string PortPlaceholder = "{port}";
    public const string FolderPlaceholder = "{folder}";
    public const string BinPlaceholder = "{bin}";

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
        IReadOnlyList<string> words = Words(commandLine);
        return words.Count == 0 ? new ServerCommand("") : new ServerCommand(words[0], words.Skip(1).ToArray());
    }

    /// <summary>A line split into words as <see cref="Parse"/> does (for arguments a scenario adds to a command).</summary>
    /// <exception cref="OptionsValidationException">A quote is not closed.</exception>
    public static IReadOnlyList<string> Words(string? text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (char c in text ?? "")
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
        if (quote != '\0') throw new OptionsValidationException("server command", [$"command: the quote {quote} is not closed in \"{text}\""]);
        if (inWord) words.Add(word.ToString());
        return words;
    }

    /// <summary>A framework-dependent .NET app: <c>dotnet app.dll args...</c>, with the muxer that runs us.</summary>
    public static ServerCommand Dotnet(string dll, params string[] arguments) =>
        new(EvilPeer.Forked.HostLocator.DotnetMuxer(), [dll, .. arguments]);

    /// <summary>This command with more arguments after its own, e.g. a scenario's <c>--max-connections 20</c>.</summary>
    public ServerCommand With(IEnumerable<string> more) => new(Program, [.. Arguments, .. more]);

    /// <summary>The arguments with the placeholders filled in.</summary>
    public IReadOnlyList<string> ArgumentsFor(int port, string folder) =>
        [.. Arguments.Select(a => Bin(a).Replace(PortPlaceholder, port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(FolderPlaceholder, folder, StringComparison.Ordinal))];

    /// <summary>
    /// The program's full path: <c>dotnet</c> is the muxer running us; one with a '/' is taken as given (relative to
    /// <paramref name="workingDirectory"/>, default the current directory), else the first match on PATH; null when there is none.
    /// </summary>
    public string? ResolveProgram(string? workingDirectory = null)
    {
        string program = Bin(Program);
        if (program == "dotnet" && EvilPeer.Forked.HostLocator.DotnetMuxer() is { } muxer && muxer.Contains('/')) return muxer;
        if (program.Contains('/'))
        {
            string path = Path.GetFullPath(program, workingDirectory ?? Environment.CurrentDirectory);
            return File.Exists(path) ? path : null;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
    }

    private static string Bin(string word) =>
        word.Replace(BinPlaceholder, Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), StringComparison.Ordinal);

    public override string ToString() => string.Join(' ', new[] { Program }.Concat(Arguments).Select(w => w.Length == 0 || w.Any(char.IsWhiteSpace) ? $"'{w}'" : w));
}
