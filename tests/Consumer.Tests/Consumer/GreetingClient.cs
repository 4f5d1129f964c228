using System.Net;
using System.Net.Sockets;

namespace MyService.ChaosTests;

/// <summary>The team's own client: reads a server's greeting to its end. GREETING_CLIENT_BUG=1 plants a bug: it stops after one read.</summary>
public sealed class GreetingClient(IPEndPoint server)
{
    private static bool PlantedBug => Environment.GetEnvironmentVariable("GREETING_CLIENT_BUG") == "1";

    public async Task<byte[]> ReadAsync(CancellationToken cancellationToken)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(server, cancellationToken);
        using var greeting = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, cancellationToken)) > 0)
        {
            greeting.Write(buffer, 0, read);
            if (PlantedBug) break;
        }
        return greeting.ToArray();
    }
}
