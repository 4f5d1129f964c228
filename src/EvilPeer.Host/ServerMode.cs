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
