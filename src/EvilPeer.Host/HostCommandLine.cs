using ChaosFeatures.EvilPeer.Forked;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Host;

/// <summary>The by-hand CLI: <c>evilpeer serve --payload-size 1024 --slice 10 ...</c> into a <see cref="FaultTable"/>.</summary>
internal static class HostCommandLine
{
    private static readonly Dictionary<string, Action<FaultTable, string>> Valued = new()
    {
        ["--name"] = (t, v) => t.Name = v,
        ["--listen"] = (t, v) => t.Listen = v,
        ["--payload-text"] = (t, v) => t.PayloadBase64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(v)),
        ["--payload-base64"] = (t, v) => t.PayloadBase64 = v,
        ["--payload-size"] = (t, v) => t.PayloadSize = Int("--payload-size", v),
        ["--payload-seed"] = (t, v) => t.PayloadSeed = Int("--payload-seed", v),
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
    };

    private static readonly Dictionary<string, Action<FaultTable>> Flags = new()
    {
        ["--hard-reset"] = t => t.HardReset = true,
        ["--half-open"] = t => t.HalfOpen = true,
        ["--accept-hard-reset"] = t => t.AcceptHardReset = true,
        ["--no-nodelay"] = t => t.NoDelay = false,
    };

    /// <summary><paramref name="args"/> without <c>--help</c> or <c>--table</c>: a mode, then options.</summary>
    public static FaultTable Parse(IReadOnlyList<string> args)
    {
        var table = new FaultTable { Mode = args[0] };
        var errors = new List<string>();
        for (int i = 1; i < args.Count; i++)
        {
            string arg = args[i];
            try
            {
                if (Flags.TryGetValue(arg, out var flag)) flag(table);
                else if (!Valued.TryGetValue(arg, out var set)) errors.Add($"{arg}: unknown option (see --help)");
                else if (i + 1 >= args.Count) errors.Add($"{arg}: needs a value");
                else set(table, args[++i]);
            }
            catch (FormatException e) { errors.Add(e.Message); }
        }
        if (errors.Count > 0) throw new OptionsValidationException("command line", errors);
        return table;
    }

    private static int Int(string option, string value) =>
        int.TryParse(value, out int n) ? n : throw new FormatException($"{option}: \"{value}\" is not an integer");

    public const string Help = """
        evilpeer - a programmable misbehaving TCP peer (ChaosFeatures)

        usage:
          evilpeer                      read one JSON fault-table line on stdin (forked mode)
          evilpeer --table FILE.json    read the fault table from a file
          evilpeer serve|consume|echo [options]
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

        proxy toxics: --toxic TYPE[:key=value,...], repeatable; keys are the toxic's attributes plus
        stream (upstream|downstream, default downstream), toxicity (0..1) and name. Types: latency
        (latency, jitter ms), bandwidth (rate KB/s), slow_close (delay), timeout (timeout), reset_peer
        (timeout), slicer (average_size, size_variation, delay us), limit_data (bytes), limit_time
        (time ms, close fin|rst), corrupt (offset+bit, or rate). e.g. --toxic latency:latency=100,jitter=10

        client: each option is the client-table field in kebab case; loopback targets only unless --allow-non-loopback.
          --target 127.0.0.1:6379 --mode hold|slowloris|declared_frame|random|replay|churn|half_close
          --connections N (1..10000)  --seed N  --connect-timeout MS  --max-duration MS (1..600000)  --hard-close
          --hold MS  --delay MS  --chunk N  --payload-text S | --payload-base64 B  --rate BYTES/S
          --header u32be|u32le|u16be|u64be|resp|http  --declared N  --body N  --bytes N  --repeat N  --cycles N
          e.g. evilpeer client --target 127.0.0.1:6379 --mode hold --connections 200 --hold 5000
        """;
}
