using System.CommandLine;
using System.Globalization;
using ChaosFeatures.EvilPeer.Forked;
using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Host;

/// <summary>
/// <c>evilpeer proxy --upstream host:port [--listen ip:port] [--name N] [--seed N] [--toxic SPEC]...</c>:
/// a toxic proxy in front of a real server, by hand. A toxic SPEC is
/// <c>TYPE[:key=value,...]</c> where the keys are the toxic's attributes plus <c>stream</c>,
/// <c>toxicity</c> and <c>name</c>, e.g. <c>latency:latency=100,jitter=10,stream=upstream</c>.
/// The <c>--tls</c> options of the other modes put TLS (and its faults) on the proxy's listener.
/// </summary>
internal static class ProxyCommandLine
{
    private static readonly Option<string[]> Upstream = HostParser.Valued("--upstream");
    private static readonly Option<string[]> Listen = HostParser.Valued("--listen");
    private static readonly Option<string[]> Name = HostParser.Valued("--name");
    private static readonly Option<string[]> Seed = HostParser.Valued("--seed");
    private static readonly Option<string[]> Toxics = HostParser.Valued("--toxic");
    private static readonly Option<bool> Tls = HostParser.Flag("--tls");
    private static readonly Option<bool> TlsTruncate = HostParser.Flag("--tls-truncate");
    private static readonly Option<string[]> TlsCertificate = HostParser.Valued("--tls-certificate");
    private static readonly Option<string[]> TlsFault = HostParser.Valued("--tls-fault");
    private static readonly Option<string[]> TlsStop = HostParser.Valued("--tls-stop");
    private static readonly Option<string[]> TlsProtocols = HostParser.Valued("--tls-protocols");
    private static readonly Option<string[]> TlsHandshakeDelay = HostParser.Valued("--tls-handshake-delay");

    private static readonly Command Command = HostParser.Command("proxy",
        Upstream, Listen, Name, Seed, Toxics, Tls, TlsTruncate, TlsCertificate, TlsFault, TlsStop, TlsProtocols, TlsHandshakeDelay);

    /// <param name="args">Starting with <c>proxy</c>.</param>
    public static (ToxicProxyOptions Options, IReadOnlyList<ToxicOptions> Toxics) Parse(IReadOnlyList<string> args)
    {
        var result = HostParser.Parse(Command, [.. args.Skip(1)]);
        var options = new ToxicProxyOptions { Name = "proxy" };
        var toxics = new List<ToxicOptions>();
        var errors = new List<string>();
        // A repeated option: the last one wins, as in the other modes.
        string? Last(Option<string[]> option) => result.Values(option) is [.., var last] ? last : null;

        if (Last(Upstream) is { } upstream) options = options with { Upstream = upstream };
        if (Last(Listen) is { } listen) options = options with { Listen = listen };
        if (Last(Name) is { } name) options = options with { Name = name };
        if (Last(Seed) is { } seedText)
        {
            if (ulong.TryParse(seedText, CultureInfo.InvariantCulture, out ulong seed)) options = options with { Seed = seed };
            else errors.Add($"--seed: \"{seedText}\" is not a non-negative integer");
        }
        foreach (var spec in result.Values(Toxics))
        {
            try { toxics.Add(Toxic(spec)); }
            catch (OptionsValidationException e) { errors.AddRange(e.Errors); }
        }

        TlsTable? tls = null;
        TlsTable TlsOf() => tls ??= new TlsTable();
        if (result.GetValue(Tls)) TlsOf();
        if (result.GetValue(TlsTruncate)) TlsOf().CloseNotify = false;
        if (Last(TlsCertificate) is { } certificate) TlsOf().Certificate = certificate;
        if (Last(TlsFault) is { } fault) TlsOf().Fault = fault;
        if (Last(TlsStop) is { } stop) TlsOf().Stop = stop;
        if (Last(TlsProtocols) is { } protocols) TlsOf().Protocols = protocols;
        if (Last(TlsHandshakeDelay) is { } delayText)
        {
            if (int.TryParse(delayText, CultureInfo.InvariantCulture, out int ms)) TlsOf().HandshakeDelay = ms;
            else errors.Add($"--tls-handshake-delay: \"{delayText}\" is not an integer");
        }
        try
        {
            if (tls is not null) options = options with { Tls = tls.ToOptions() };
        }
        catch (OptionsValidationException e) { errors.AddRange(e.Errors); }
        if (errors.Count > 0) throw new OptionsValidationException("command line", errors);
        options.Validate();
        return (options, toxics);
    }

    private static ToxicOptions Toxic(string spec)
    {
        int colon = spec.IndexOf(':');
        string type = colon < 0 ? spec : spec[..colon];
        var attributes = new Dictionary<string, object?>();
        string? name = null, stream = null;
        double toxicity = 1.0;
        foreach (string pair in colon < 0 ? [] : spec[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=');
            if (equals <= 0) throw new OptionsValidationException($"--toxic {spec}", [$"'{pair}': expected key=value"]);
            string key = pair[..equals], value = pair[(equals + 1)..];
            switch (key)
            {
                case "name": name = value; break;
                case "stream": stream = value; break;
                case "toxicity" when double.TryParse(value, CultureInfo.InvariantCulture, out double t): toxicity = t; break;
                case "toxicity": throw new OptionsValidationException($"--toxic {spec}", [$"toxicity: \"{value}\" is not a number in 0..1"]);
                default: attributes[key] = Number(value); break;
            }
        }
        return ToxicCatalog.Create(type, attributes, name, stream, toxicity);
    }

    // Attributes are numbers in JSON; keep anything else as text so the catalog names the field it rejects.
    private static object Number(string value) =>
        long.TryParse(value, CultureInfo.InvariantCulture, out long whole) ? whole
        : double.TryParse(value, CultureInfo.InvariantCulture, out double real) ? real
        : value;
}
