using System.CommandLine;
using ChaosFeatures.EvilPeer.Forked;
using ChaosFeatures.EvilPeer.Validation;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.EvilPeer.Host;

/// <summary>The CLI of the peer modes: <c>evilpeer serve --payload-size 1024 --slice 10 ...</c> into a <see cref="FaultTable"/>.</summary>
internal static class HostCommandLine
{
    private static readonly Dictionary<string, Action<FaultTable, string>> Valued = new()
    {
        ["--name"] = (t, v) => t.Name = v,
        ["--listen"] = (t, v) => t.Listen = v,
        ["--payload-text"] = (t, v) => t.PayloadBase64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(v)),
        ["--payload-base64"] = (t, v) => t.PayloadBase64 = v,
        ["--payload-size"] = (t, v) => t.PayloadSize = Int("--payload-size", v),
        ["--payload-seed"] = (t, v) => t.PayloadSeed = Seed("--payload-seed", v),
        ["--slice"] = (t, v) => t.Slice = Int("--slice", v),
        ["--delay"] = (t, v) => t.Delay = Int("--delay", v),
        ["--close-after"] = (t, v) => t.CloseAfter = Int("--close-after", v),
        ["--hold"] = (t, v) => t.Hold = Int("--hold", v),
        ["--read-size"] = (t, v) => t.ReadSize = Int("--read-size", v),
        ["--stop-after"] = (t, v) => t.StopAfter = Int("--stop-after", v),
        ["--accept"] = (t, v) => t.Accept = v,
        ["--accept-delay"] = (t, v) => t.AcceptDelay = Int("--accept-delay", v),
        ["--max-connections"] = (t, v) => t.MaxConnections = Int("--max-connections", v),
        ["--rcvbuf"] = (t, v) => t.ReceiveBufferSize = Int("--rcvbuf", v),
        ["--sndbuf"] = (t, v) => t.SendBufferSize = Int("--sndbuf", v),
        // http: the default response (rules come from --fail-first or a --table)
        ["--status"] = (t, v) => Response(t).Status = Int("--status", v),
        ["--reason"] = (t, v) => Response(t).Reason = v,
        ["--header"] = (t, v) => AddHeader(Response(t), v),
        ["--body-text"] = (t, v) => Response(t).BodyText = v,
        ["--body-size"] = (t, v) => Response(t).BodySize = Int("--body-size", v),
        ["--body-seed"] = (t, v) => Response(t).BodySeed = Seed("--body-seed", v),
        ["--framing"] = (t, v) => Response(t).Framing = v,
        ["--content-length-delta"] = (t, v) => Response(t).ContentLengthDelta = Int("--content-length-delta", v),
        ["--chunk-size"] = (t, v) => Response(t).ChunkSize = Int("--chunk-size", v),
        ["--chunk-fault"] = (t, v) => Response(t).ChunkFault = v,
        ["--cut-after"] = (t, v) => Response(t).CutAfter = Int("--cut-after", v),
        ["--cut-mode"] = (t, v) => Response(t).CutMode = v,
        ["--delay-status"] = (t, v) => Response(t).DelayBeforeStatus = Int("--delay-status", v),
        ["--delay-headers"] = (t, v) => Response(t).DelayBetweenHeaders = Int("--delay-headers", v),
        ["--delay-body"] = (t, v) => Response(t).DelayBeforeBody = Int("--delay-body", v),
        ["--rate"] = (t, v) => Response(t).BytesPerSecond = Int("--rate", v),
        ["--fail-first"] = (t, v) => FailFirst(t).To = Int("--fail-first", v),
        ["--fail-status"] = (t, v) => FailFirst(t).Response!.Status = Int("--fail-status", v),
        // tls, any mode
        ["--tls-certificate"] = (t, v) => Tls(t).Certificate = v,
        ["--tls-fault"] = (t, v) => Tls(t).Fault = v,
        ["--tls-stop"] = (t, v) => Tls(t).Stop = v,
        ["--tls-protocols"] = (t, v) => Tls(t).Protocols = v,
        ["--tls-handshake-delay"] = (t, v) => Tls(t).HandshakeDelay = Int("--tls-handshake-delay", v),
    };

    private static readonly Dictionary<string, Action<FaultTable>> Flags = new()
    {
        ["--hard-reset"] = t => t.HardReset = true,
        ["--half-open"] = t => t.HalfOpen = true,
        ["--accept-hard-reset"] = t => t.AcceptHardReset = true,
        ["--no-nodelay"] = t => t.NoDelay = false,
        ["--endless"] = t => Response(t).Endless = true,
        ["--connection-close"] = t => Response(t).ConnectionClose = true,
        ["--tls"] = t => Tls(t),
        ["--tls-truncate"] = t => Tls(t).CloseNotify = false,
    };

    // One System.CommandLine option per entry, built once; the dictionaries stay the one list of what each sets.
    private static readonly (Option<string[]> Option, Action<FaultTable, string> Set)[] ValuedOptions =
        [.. Valued.Select(kv => (HostParser.Valued(kv.Key), kv.Value))];

    private static readonly (Option<bool> Option, Action<FaultTable> Set)[] FlagOptions =
        [.. Flags.Select(kv => (HostParser.Flag(kv.Key), kv.Value))];

    private static readonly Command Command =
        HostParser.Command("peer", [.. ValuedOptions.Select(o => (Option)o.Option), .. FlagOptions.Select(o => o.Option)]);

    /// <summary><paramref name="args"/> without <c>--help</c> or <c>--table</c>: a mode, then options.</summary>
    public static FaultTable Parse(IReadOnlyList<string> args)
    {
        var result = HostParser.Parse(Command, [.. args.Skip(1)]);
        var table = new FaultTable { Mode = args[0] };
        var errors = new List<string>();
        foreach (var (option, set) in FlagOptions)
            if (result.GetValue(option)) set(table);
        foreach (var (option, set) in ValuedOptions)
            foreach (var value in result.Values(option))
            {
                try { set(table, value); }
                catch (FormatException e) { errors.Add(e.Message); }
            }
        if (errors.Count > 0) throw new OptionsValidationException("command line", errors);
        return table;
    }

    private static HttpResponseTable Response(FaultTable t) => (t.Http ??= new HttpTable()).Response;

    private static TlsTable Tls(FaultTable t) => t.Tls ??= new TlsTable();

    /// <summary>The rule for requests 1..N: 503 unless --fail-status says otherwise.</summary>
    private static HttpRuleTable FailFirst(FaultTable t)
    {
        var http = t.Http ??= new HttpTable();
        if (http.Rules.Count == 0) http.Rules.Add(new HttpRuleTable { From = 1, To = 1, Response = new HttpResponseTable { Status = 503 } });
        return http.Rules[0];
    }

    private static void AddHeader(HttpResponseTable response, string header)
    {
        int colon = header.IndexOf(':');
        if (colon <= 0) throw new FormatException($"--header: \"{header}\" is not Name: value");
        (response.Headers ??= [])[header[..colon].Trim()] = header[(colon + 1)..].Trim();
    }

    private static int Int(string option, string value) =>
        int.TryParse(value, out int n) ? n : throw new FormatException($"{option}: \"{value}\" is not an integer");

    // The one seed parser: the same range and message as CHAOS_GEN_SEED.
    private static ulong Seed(string option, string value) =>
        SeedText.TryParse(value, out var seed) ? seed : throw new FormatException(SeedText.Invalid(option, value, SeedText.Range));

    public const string Help = """
        evilpeer - a programmable misbehaving TCP peer (ChaosFeatures)

        usage:
          evilpeer                      read one JSON fault-table line on stdin (forked mode)
          evilpeer --table FILE.json    read the fault table from a file
          evilpeer serve|consume|echo|http [options]
          evilpeer proxy --upstream HOST:PORT [--listen 127.0.0.1:0] [--name N] [--seed N] [--toxic SPEC]...
          evilpeer client [--table FILE.json | --FIELD VALUE...]   an evil client (no options: JSON line on stdin)
          evilpeer --help

        prints host:port as its first stdout line, then one JSON event per line;
        stops on stdin EOF, SIGINT or SIGTERM; invalid options: one line on stderr, exit code 2.

        options (JSON field in brackets):
          --name EP              actor name [name]                 --listen 127.0.0.1:0 [listen]
          --payload-size N       generated payload [payloadSize]   --payload-seed N [payloadSeed]
          --payload-text S       payload as UTF-8 text             --payload-base64 B [payloadBase64]
          --slice N              serve: bytes per write, 0 = one write [slice]
          --delay MS             ms between chunks / reads [delay]
          --close-after N        serve: stop after N bytes, -1 = all [closeAfter]
          --hard-reset           end with RST instead of FIN [hardReset]
          --hold MS              keep open before closing [hold]   --half-open  never close [halfOpen]
          --read-size N          consume: bytes per read, 0 = never read [readSize]
          --stop-after N         consume: stop reading after N bytes [stopAfter]
          --accept none|refuse|close|delay|never [accept]   --accept-delay MS [acceptDelay]
          --accept-hard-reset    accept-close sends RST [acceptHardReset]
          --max-connections N [maxConnections]   --rcvbuf N [receiveBufferSize]   --sndbuf N [sendBufferSize]
          --no-nodelay           leave Nagle on [noDelay=false]

        http (mode http; the default response, JSON field of "http.response" in brackets):
          --status N [status]  --reason S  --header "Name: value" (repeatable)  --body-text S | --body-size N --body-seed N
          --framing content-length|chunked|close-delimited   --content-length-delta N   --chunk-size N
          --chunk-fault none|cut-mid-chunk|bad-chunk-size    --cut-after N   --cut-mode fin|reset|hold
          --delay-status MS  --delay-headers MS  --delay-body MS  --rate BYTES_PER_S  --endless  --connection-close
          --fail-first N [--fail-status 503]   requests 1..N get that status, the rest the response above

        tls (any mode, proxy too: its listener; "tls" object of the table): --tls  --tls-certificate trusted|untrusted|expired|wrong-host
          --tls-fault none|stop-after-client-hello|stop-after-server-hello|mid-record|reset-after-handshake|renegotiate
          --tls-stop fin|reset|hold  --tls-protocols tls12|tls13|both  --tls-handshake-delay MS  --tls-truncate (no close_notify)

        proxy toxics: --toxic TYPE[:key=value,...], repeatable; keys are the toxic's attributes plus
        stream (upstream|downstream, default downstream), toxicity (0..1) and name. Types: latency
        (latency, jitter ms), bandwidth (rate KB/s), slow_close (delay), timeout (timeout), reset_peer
        (timeout), slicer (average_size, size_variation, delay us), limit_data (bytes), limit_time
        (time ms, close fin|rst), corrupt (offset+bit, or rate). e.g. --toxic latency:latency=100,jitter=10

        client: each option is the client-table field in kebab case; loopback targets only unless --allow-non-loopback.
          --target 127.0.0.1:6379 --mode hold|slowloris|declared_frame|random|replay|churn|half_close|never_read
          --connections N (1..10000)  --seed N  --connect-timeout MS  --max-duration MS (1..600000)  --hard-close
          --hold MS  --delay MS  --chunk N  --payload-text S | --payload-base64 B  --rate BYTES/S
          --header u32be|u32le|u16be|u64be|resp|http  --declared N  --body N  --bytes N  --repeat N  --cycles N
          e.g. evilpeer client --target 127.0.0.1:6379 --mode hold --connections 200 --hold 5000
        """;
}
