using ChaosFeatures.Control;
using ChaosFeatures.EvilPeer.Validation;

namespace ChaosFeatures.EvilPeer.Host;

/// <summary>
/// <c>evilpeer server</c>: prints the API's URL as its first line, then one JSON event per line
/// (the seed first, then connection and toxic decisions), until SIGINT or SIGTERM. Unlike the
/// forked modes it does not stop on stdin EOF: it is started by hand or in the background, where
/// stdin is often closed from the start.
/// </summary>
internal static class ServerMode
{
    /// <summary>
    /// Socket completions run on the socket engine's threads instead of being queued to the thread
    /// pool. With 1,000 busy connections that queue holds thousands of pump continuations, and the
    /// API's own socket completions waited behind them for seconds; inline, a request is read at
    /// once. Must run before the first socket exists: the runtime reads it once.
    /// </summary>
    public static void PrepareRuntime() => Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, JsonLineSink sink, Task stop)
    {
        ControlServer server;
        try
        {
            ControlServerOptions? options = ServerCommandLine.Parse(args, stdout);
            if (options is null)
            {
                await stdout.FlushAsync();
                return 0;
            }
            server = await ControlServer.StartAsync(options with { Events = sink });
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine($"evilpeer server: {e.Message}");
            return 2;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"evilpeer server: {e.Message}");
            return 1;
        }
        await using (server)
        {
            await sink.StartAsync(server.Url.ToString().TrimEnd('/'));
            await stop;
        }
        await sink.CompleteAsync();
        return 0;
    }
}
