using System.Net.Sockets;
using System.Runtime.InteropServices;
using ChaosFeatures.Samples.LengthPrefixed;

// A small length-prefixed echo server for the chaos suite to attack (see README.md). It has real
// limits and one planted limit bug: by default the declared frame size is checked only after the
// whole frame has been buffered (--size-check early fixes it).
ServerOptions options;
try
{
    options = ServerOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"lengthprefixed-server: {e.Message}");
    return 2;
}

var server = new FrameServer(options);
try
{
    server.Listen();
}
catch (SocketException e)
{
    Console.Error.WriteLine($"lengthprefixed-server: cannot listen on 127.0.0.1:{options.Port}: {e.SocketErrorCode}");
    return 1;
}

// The first SIGTERM or SIGINT shuts down gracefully; a second one while draining exits at once.
int signals = 0;
var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    if (Interlocked.Increment(ref signals) == 1)
    {
        stop.TrySetResult();
        return;
    }
    Console.Error.WriteLine($"lengthprefixed-server: second {context.Signal}, exiting now with {server.OpenConnections} connection(s) open");
    Environment.Exit(2);
}
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);

Console.Out.WriteLine($"listening on {server.EndPoint}");
Console.Out.Flush();
Task accepting = server.AcceptLoopAsync();
await stop.Task;
Console.Error.WriteLine($"lengthprefixed-server: shutting down, draining {server.OpenConnections} connection(s) for up to {options.DrainTimeoutMs} ms");
int code = await server.ShutdownAsync();
await accepting;
Console.Error.WriteLine(code == 0 ? "lengthprefixed-server: stopped" : "lengthprefixed-server: drain timed out, connections aborted");
return code;
