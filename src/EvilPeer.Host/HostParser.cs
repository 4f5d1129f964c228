using System.CommandLine;
using System.CommandLine.Parsing;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Host;

/// <summary>
/// System.CommandLine for the host's modes, with the host's own one-line messages: an unknown token is
/// <c>--x: unknown option (see --help)</c>, an option without its value <c>--x: needs a value</c>, all in one
/// <see cref="OptionsValidationException"/> (the program prints it on one line and exits 2). Help is the host's
/// <c>--help</c> text, so the command gets no help or version options, and <c>@file</c> is an argument, not a response file.
/// </summary>
internal static class HostParser
{
    private static readonly ParserConfiguration Configuration = new() { ResponseFileTokenReplacer = null, EnablePosixBundling = false };

    /// <summary>A valued option that may be repeated; every occurrence is kept in order (the last wins unless the option adds up).</summary>
    public static Option<string[]> Valued(string name) => new(name) { Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };

    public static Option<bool> Flag(string name) => new(name) { Arity = ArgumentArity.Zero };

    /// <summary>A command for <paramref name="options"/>, built once per mode (an option belongs to the commands it is added to).</summary>
    public static Command Command(string mode, params IEnumerable<Option> options)
    {
        var command = new Command(mode);
        foreach (var option in options) command.Options.Add(option);
        return command;
    }

    /// <param name="args">After the mode.</param>
    /// <exception cref="OptionsValidationException">Every unknown token and option without a value.</exception>
    public static ParseResult Parse(Command command, IReadOnlyList<string> args)
    {
        var errors = new List<string>(MissingValues(command, args));
        if (errors.Count > 0) throw new OptionsValidationException("command line", errors);
        var result = command.Parse(args, Configuration);
        foreach (var token in result.UnmatchedTokens) errors.Add($"{token}: unknown option (see --help)");
        foreach (var error in result.Errors)
        {
            if (error.SymbolResult is OptionResult option) errors.Add($"{option.IdentifierToken?.Value ?? option.Option.Name}: needs a value");
            else if (result.UnmatchedTokens.Count == 0) errors.Add(error.Message); // unmatched tokens are already listed above
        }
        if (errors.Count > 0) throw new OptionsValidationException("command line", [.. errors.Distinct()]);
        return result;
    }

    /// <summary>
    /// A valued option followed by another option, or by nothing. System.CommandLine takes the next token as the value
    /// even when it names an option (<c>--slice --delay 5</c> gives --slice the value "--delay" and leaves "5" unknown),
    /// so this is checked on the tokens first.
    /// </summary>
    private static IEnumerable<string> MissingValues(Command command, IReadOnlyList<string> args)
    {
        var valued = new HashSet<string>(StringComparer.Ordinal);
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (Option option in command.Options)
        {
            named.Add(option.Name);
            if (option.Arity.MinimumNumberOfValues > 0) valued.Add(option.Name);
        }
        for (int i = 0; i < args.Count; i++)
            if (valued.Contains(args[i]) && (i + 1 == args.Count || named.Contains(args[i + 1])))
                yield return $"{args[i]}: needs a value";
    }

    /// <summary>The values of <paramref name="option"/> as given, none when it is absent.</summary>
    public static IReadOnlyList<string> Values(this ParseResult result, Option<string[]> option) => result.GetValue(option) ?? [];
}
