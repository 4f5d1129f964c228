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
    public static (ToxicProxyOptions Options, IReadOnlyList<ToxicOptions> Toxics) Parse(IReadOnlyList<string> args)
    {
        var options = new ToxicProxyOptions { Name = "proxy" };
        var toxics = new List<ToxicOptions>();
        var errors = new List<string>();
        TlsTable? tls = null;
        for (int i = 1; i < args.Count; i++)
        {
            string option = args[i];
            if (option is "--tls" or "--tls-truncate")
            {
                tls ??= new TlsTable();
                if (option == "--tls-truncate") tls.CloseNotify = false;
                continue;
            }
            if (i + 1 >= args.Count)
            {
                errors.Add($"{option}: needs a value (see --help)");
                break;
            }
            string value = args[++i];
            switch (option)
            {
                case "--upstream": options = options with { Upstream = value }; break;
                case "--listen": options = options with { Listen = value }; break;
                case "--name": options = options with { Name = value }; break;
                case "--seed" when ulong.TryParse(value, CultureInfo.InvariantCulture, out ulong seed): options = options with { Seed = seed }; break;
                case "--seed": errors.Add($"--seed: \"{value}\" is not a non-negative integer"); break;
                case "--toxic":
                    try { toxics.Add(Toxic(value)); }
                    catch (OptionsValidationException e) { errors.AddRange(e.Errors); }
                    break;
                case "--tls-certificate": (tls ??= new TlsTable()).Certificate = value; break;
                case "--tls-fault": (tls ??= new TlsTable()).Fault = value; break;
                case "--tls-stop": (tls ??= new TlsTable()).Stop = value; break;
                case "--tls-protocols": (tls ??= new TlsTable()).Protocols = value; break;
                case "--tls-handshake-delay" when int.TryParse(value, CultureInfo.InvariantCulture, out int ms): (tls ??= new TlsTable()).HandshakeDelay = ms; break;
                case "--tls-handshake-delay": errors.Add($"--tls-handshake-delay: \"{value}\" is not an integer"); break;
                default: errors.Add($"{option}: unknown option (see --help)"); break;
            }
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
