using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Proxy;

namespace ChaosFeatures.Benchmarks;

/// <summary>
/// What an idle proxied connection costs: open N connections (one round trip each, then idle)
/// directly and through the proxy; the difference is the proxy's share (its two sockets, pumps and chain).
/// </summary>
internal static class IdleMemoryBench
{
    public static async Task<BenchRow[]> RunAsync(BenchSettings settings)
    {
        await using BenchServer echo = BenchServer.Echo(bufferSize: 16);
        await using var proxy = new ToxicProxy(new ToxicProxyOptions { Name = "idle", Upstream = echo.HostPort });
        await proxy.StartAsync();

        (double directHeap, double directWs) = await MeasureAsync(echo.Endpoint, settings.IdleConnections);
        (double proxiedHeap, double proxiedWs) = await MeasureAsync(proxy.ListenEndpoint, settings.IdleConnections);

        string n = $"{settings.IdleConnections:N0} conns";
        return
        [
            new($"GC heap per idle connection ({n})", $"{directHeap / 1024:F1} KB direct", $"{proxiedHeap / 1024:F1} KB", $"+{(proxiedHeap - directHeap) / 1024:F1} KB by proxy", "(reported)", null),
            new($"working set per idle connection ({n})", $"{directWs / 1024:F1} KB direct", $"{proxiedWs / 1024:F1} KB", $"+{(proxiedWs - directWs) / 1024:F1} KB by proxy", "(reported)", null),
        ];
    }

    /// <returns>Bytes per connection: GC heap and working-set growth.</returns>
    private static async Task<(double Heap, double WorkingSet)> MeasureAsync(IPEndPoint target, int count)
    {
        (long heapBefore, long wsBefore) = Snapshot();
        var sockets = new List<Socket>(count);
        var one = new byte[1];
        for (int i = 0; i < count; i++)
        {
            Socket socket = await Client.ConnectAsync(target);
            await socket.SendAsync(one);
            await Client.ReadExactlyAsync(socket, one);
            sockets.Add(socket);
        }
        await Task.Delay(200); // let every pump settle into its idle wait
        (long heapAfter, long wsAfter) = Snapshot();
        foreach (Socket socket in sockets) socket.Dispose();
        await Task.Delay(200);
        return ((heapAfter - heapBefore) / (double)count, (wsAfter - wsBefore) / (double)count);
    }

    private static (long Heap, long WorkingSet) Snapshot()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using Process self = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), self.WorkingSet64);
    }
}
