using System.Runtime.InteropServices;
using System.Text;
using ChaosFeatures.EvilPeer.Forked;
using ChaosFeatures.EvilPeer.Host;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Validation;

// The forked EvilPeer host. Protocol and CLI: see HostCommandLine.Help and FaultTable.
if (!ParentGuard.Arm()) return 3;
if (args is ["--help"] or ["-h"])
{
    Console.Out.WriteLine(HostCommandLine.Help);
    return 0;
}

var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
PeerOptions options;
try
{
    FaultTable table = args switch
    {
        [] => FaultTable.Parse(await stdin.ReadLineAsync() ?? throw new OptionsValidationException("fault table", ["stdin: closed before a fault-table line"])),
        ["--table", var file] => FaultTable.Parse(await File.ReadAllTextAsync(file)),
        _ => HostCommandLine.Parse(args),
    };
    options = table.ToOptions();
}
catch (Exception e) when (e is OptionsValidationException or IOException)
{
    Console.Error.WriteLine($"evilpeer: {e.Message}");
    return 2;
}

var sink = new JsonLineSink(stdout);
var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });

Peer peer;
try
{
    peer = await PeerHost.StartAsync(options, sink);
}
catch (System.Net.Sockets.SocketException e)
{
    Console.Error.WriteLine($"evilpeer: cannot listen on {options.Listen}: {e.SocketErrorCode}");
    return 1;
}
await using (peer)
{
    await sink.StartAsync(peer.EndPoint.ToString());
    // Stdin EOF means the parent is gone or wants us to stop; later lines are ignored.
    Task stdinClosed = Task.Run(async () => { while (await stdin.ReadLineAsync() is not null) { } });
    await Task.WhenAny(stdinClosed, stop.Task);
}
await sink.CompleteAsync();
return 0;
