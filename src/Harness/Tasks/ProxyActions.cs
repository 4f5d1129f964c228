using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.EvilPeer.Toxics.ResetPeer;
using ChaosFeatures.Harness.EventLog;

namespace ChaosFeatures.Harness.Tasks;

/// <summary>
/// Faults a task does to a running toxic proxy, in its queue, so they land at a chosen point of the clients' work
/// (after a sleep, mid-command): take the proxy down (Toxiproxy's <c>enabled: false</c>), bring it back, or reset every
/// connection through it with a <c>reset_peer</c> toxic.
/// </summary>
public static class ProxyActions
{
    /// <summary>How long a reset waits for the proxy's connections to go before it lifts the toxic anyway (a client may reconnect at once).</summary>
    public static readonly TimeSpan ResetBound = TimeSpan.FromSeconds(2);

    private const string ResetToxicPrefix = "reset_now_";

    /// <summary>Closes the listener (new connections are refused) and ends the live connections with a FIN.</summary>
    public static TaskAction Down(string peer, ToxicProxy proxy, IChaosEventSink events) =>
        new($"take the proxy of {peer} down", TimeSpan.Zero, (t, _) =>
        {
            events.Record(ChaosEvent.Of("client", t.Name, "proxy_down", ("proxy", proxy.Name), ("connections", (long)proxy.ConnectionCount)));
            proxy.Disable();
            return Task.CompletedTask;
        });

    /// <summary>Listens again on the same port.</summary>
    public static TaskAction Up(string peer, ToxicProxy proxy, IChaosEventSink events) =>
        new($"bring the proxy of {peer} back up", TimeSpan.Zero, (t, _) =>
        {
            events.Record(ChaosEvent.Of("client", t.Name, "proxy_up", ("proxy", proxy.Name)));
            proxy.Enable();
            return Task.CompletedTask;
        });

    /// <summary>Adds a validated toxic to the running proxy; live connections pick it up from their next chunk.</summary>
    public static TaskAction AddToxic(string peer, ToxicProxy proxy, ToxicOptions toxic, IChaosEventSink events) =>
        new($"add {toxic.Type} to the proxy of {peer}", TimeSpan.Zero, (t, _) =>
        {
            events.Record(ChaosEvent.Of("client", t.Name, "proxy_toxic", ("proxy", proxy.Name), ("toxic", toxic.ResolvedName)));
            proxy.AddToxic(toxic);
            return Task.CompletedTask;
        });

    /// <summary>Removes every toxic of the running proxy: its connections pass bytes straight through again.</summary>
    public static TaskAction RemoveToxics(string peer, ToxicProxy proxy, IChaosEventSink events) =>
        new($"remove the toxics of the proxy of {peer}", TimeSpan.Zero, (t, _) =>
        {
            events.Record(ChaosEvent.Of("client", t.Name, "proxy_clear", ("proxy", proxy.Name), ("toxics", (long)proxy.Toxics.Count)));
            foreach (var toxic in proxy.Toxics) proxy.RemoveToxic(toxic.ResolvedName);
            return Task.CompletedTask;
        });

    /// <summary>
    /// A <c>reset_peer</c> toxic with no delay on both directions: every connection that has carried bytes gets an RST now,
    /// one that has not at its first byte. Lifted once the proxy has no connection left, or after <see cref="ResetBound"/>.
    /// </summary>
    public static TaskAction ResetConnections(string peer, ToxicProxy proxy, IChaosEventSink events, TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        return new($"reset the connections of the proxy of {peer}", ResetBound, async (t, ct) =>
        {
            events.Record(ChaosEvent.Of("client", t.Name, "proxy_reset", ("proxy", proxy.Name), ("connections", (long)proxy.ConnectionCount)));
            var names = new[] { ToxicStream.Downstream, ToxicStream.Upstream }
                .Select(stream => proxy.AddToxic(new ResetPeerOptions { Name = ResetToxicPrefix + ToxicOptions.StreamName(stream), Stream = stream, Timeout = 0 }).ResolvedName)
                .ToArray();
            try
            {
                var started = clock.GetTimestamp();
                while (proxy.ConnectionCount > 0 && clock.GetElapsedTime(started) < ResetBound)
                    await Task.Delay(TimeSpan.FromMilliseconds(5), clock, ct);
            }
            finally
            {
                foreach (var name in names) proxy.RemoveToxic(name);
            }
        });
    }
}
