using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using ChaosFeatures.EvilPeer.EvilClients;
using ChaosFeatures.EvilPeer.EvilClients.Forked;
using ChaosFeatures.EvilPeer.Forked;
using ChaosFeatures.EvilPeer.Host;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.EvilPeer.Validation;

// The forked EvilPeer host. Protocol and CLI: see HostCommandLine.Help and FaultTable.
if (!ParentGuard.Arm()) return 3;
if (args is ["server", ..]) ServerMode.PrepareRuntime();
if (args is ["--help"] or ["-h"])
{
    Console.Out.WriteLine(HostCommandLine.Help);
    return 0;
}

var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
var sink = new JsonLineSink(stdout);
var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });

if (args is ["server", .. var serverArgs]) return await ServerMode.RunAsync(serverArgs, stdout, sink, stop.Task);

IAsyncDisposable running;
string endpoint;
try
{
    (running, endpoint) = args switch
    {
        ["proxy", ..] => await StartProxyAsync(args, sink),
        ["client", ..] => await StartClientAsync(args, stdin, sink),
        _ => await StartPeerAsync(args, stdin, sink),
    };
}
catch (Exception e) when (e is OptionsValidationException or IOException)
{
    Console.Error.WriteLine($"evilpeer: {e.Message}");
    return 2;
}
catch (SocketException e)
{
    Console.Error.WriteLine($"evilpeer: cannot listen: {e.SocketErrorCode}");
    return 1;
}
await using (running)
{
    await sink.StartAsync(endpoint);
    // Stdin EOF means the parent is gone or wants us to stop; later lines are ignored.
    Task stdinClosed = Task.Run(async () => { while (await stdin.ReadLineAsync() is not null) { } });
    await Task.WhenAny(stdinClosed, stop.Task);
}
await sink.CompleteAsync();
return 0;

static async Task<(IAsyncDisposable, string)> StartPeerAsync(string[] args, StreamReader stdin, JsonLineSink sink)
{
    FaultTable table = args switch
    {
        [] => FaultTable.Parse(await stdin.ReadLineAsync() ?? throw new OptionsValidationException("fault table", ["stdin: closed before a fault-table line"])),
        ["--table", var file] => FaultTable.Parse(await File.ReadAllTextAsync(file)),
        _ => HostCommandLine.Parse(args),
    };
    Peer peer = await PeerHost.StartAsync(table.ToOptions(), sink);
    return (peer, peer.EndPoint.ToString());
}

// The evil client runs its attack at once; the host then waits for stdin EOF like a peer, so the
// parent decides when its connections go (disposal stops a run that is still going).
static async Task<(IAsyncDisposable, string)> StartClientAsync(string[] args, StreamReader stdin, JsonLineSink sink)
{
    ClientTable table = await ClientCommandLine.ReadAsync(args[1..], stdin);
    EvilClient client = EvilClient.Start(table.ToOptions(), sink);
    return (client, client.Options.Target.ToString());
}

static async Task<(IAsyncDisposable, string)> StartProxyAsync(string[] args, JsonLineSink sink)
{
    var (options, toxics) = ProxyCommandLine.Parse(args);
    var proxy = new ToxicProxy(options with { Events = sink });
    await proxy.StartAsync();
    foreach (var toxic in toxics) proxy.AddToxic(toxic);
    return (proxy, proxy.ListenEndpoint.ToString());
}
