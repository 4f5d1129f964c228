using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.EvilPeer.Toxics;
using ChaosFeatures.Harness.EventLog;
using ChaosFeatures.EvilPeer.Waiting;

namespace ChaosFeatures.Harness.Tasks;

/// <summary>
/// Faults a task does to a running toxic proxy, in its queue, so they land at a chosen point of the clients' work
/// (after a sleep, mid-command): take the proxy down (Toxiproxy's <c>enabled: false</c>), bring it back, or reset every
/// connection through it.
/// </summary>
public static class ProxyActions
{
    /// <summary>Closes the listener (new connections are refused) and ends the live connections with a FIN.</summary>
    public static TaskAction Down(string peer, ToxicProxy proxy, IChaosEventSink events) =>
        new($"take the proxy of {peer} down", TimeSpan.Zero, (t, _) =>
        {
            events.Record(ChaosEvent.Of(ChaosEventKinds.Client, t.Name, ChaosEventNames.ProxyDown, ("proxy", proxy.Name), ("connections", (long)proxy.ConnectionCount)));
            proxy.Disable();
            return Task.CompletedTask;
        });

    /// <summary>Listens again on the same port.</summary>
    public static TaskAction Up(string peer, ToxicProxy proxy, IChaosEventSink events) =>
        new($"bring the proxy of {peer} back up", TimeSpan.Zero, (t, _) =>
        {
            events.Record(ChaosEvent.Of(ChaosEventKinds.Client, t.Name, ChaosEventNames.ProxyUp, ("proxy", proxy.Name)));
            proxy.Enable();
            return Task.CompletedTask;
        });

    /// <summary>Adds a validated toxic to the running proxy; live connections pick it up from their next chunk.</summary>
    public static TaskAction AddToxic(string peer, ToxicProxy proxy, ToxicOptions toxic, IChaosEventSink events) =>
        new($"add {toxic.Type} to the proxy of {peer}", TimeSpan.Zero, (t, _) =>
        {
            events.Record(ChaosEvent.Of(ChaosEventKinds.Client, t.Name, ChaosEventNames.ProxyToxic, ("proxy", proxy.Name), ("toxic", toxic.ResolvedName)));
            proxy.AddToxic(toxic);
            return Task.CompletedTask;
        });

    /// <summary>Removes every toxic of the running proxy: its connections pass bytes straight through again.</summary>
    public static TaskAction RemoveToxics(string peer, ToxicProxy proxy, IChaosEventSink events) =>
        new($"remove the toxics of the proxy of {peer}", TimeSpan.Zero, (t, _) =>
        {
            events.Record(ChaosEvent.Of(ChaosEventKinds.Client, t.Name, ChaosEventNames.ProxyClear, ("proxy", proxy.Name), ("toxics", (long)proxy.Toxics.Count)));
            foreach (var toxic in proxy.Toxics) proxy.RemoveToxic(toxic.ResolvedName);
            return Task.CompletedTask;
        });

    /// <summary>
    /// Resets every connection through the proxy at this point of the task's queue (an RST to both sides). Connections
    /// opened afterwards pass: a client that reconnects meets a working network, as after a real reset.
    /// </summary>
    public static TaskAction ResetConnections(string peer, ToxicProxy proxy, IChaosEventSink events) =>
        new($"reset the connections of the proxy of {peer}", TimeSpan.Zero, (t, _) =>
        {
            events.Record(ChaosEvent.Of(ChaosEventKinds.Client, t.Name, ChaosEventNames.ProxyReset, ("proxy", proxy.Name), ("connections", (long)proxy.ResetConnections())));
            return Task.CompletedTask;
        });

    /// <summary>How long a task waits for a client to connect through the proxy before the wait fails.</summary>
    public static readonly TimeSpan ConnectionBound = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Waits until a connection is live through the proxy, so a fault that follows lands on a call in flight rather than
    /// before the client has dialed (a sleep cannot promise that on a busy machine). Fails after <see cref="ConnectionBound"/>.
    /// </summary>
    public static TaskAction AwaitConnection(string peer, ToxicProxy proxy, IChaosEventSink events, TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        return new($"wait for a connection through the proxy of {peer}", ConnectionBound, async (t, ct) =>
        {
            if (!await Eventually.UntilAsync(() => proxy.ConnectionCount > 0, ConnectionBound, clock, ct, pollEvery: TimeSpan.FromMilliseconds(2)))
                throw new TimeoutException($"no client connected through the proxy of {peer} within {ConnectionBound.TotalSeconds:0} s");
            events.Record(ChaosEvent.Of(ChaosEventKinds.Client, t.Name, ChaosEventNames.ProxyConnectionSeen, ("proxy", proxy.Name), ("connections", (long)proxy.ConnectionCount)));
        });
    }

    /// <summary>
    /// Waits until a client has sent <paramref name="text"/> through the proxy, as <paramref name="sent"/> (a
    /// <see cref="ToxicProxy.WhenClientSends"/> watch made when the step was bound, in scenario order, so a later step's
    /// request counts however late this task gets to run) says, so the fault that follows lands on that request in
    /// flight rather than on a client library's own traffic. Fails after <see cref="ConnectionBound"/>.
    /// </summary>
    public static TaskAction AwaitClientSend(string peer, ToxicProxy proxy, string text, Task sent, IChaosEventSink events, TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
        return new($"wait for a client to send \"{text}\" through the proxy of {peer}", ConnectionBound, async (t, ct) =>
        {
            try
            {
                await sent.WaitAsync(ConnectionBound, clock, ct).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"no client sent \"{text}\" through the proxy of {peer} within {ConnectionBound.TotalSeconds:0} s");
            }
            events.Record(ChaosEvent.Of(ChaosEventKinds.Client, t.Name, ChaosEventNames.ProxyClientSent, ("proxy", proxy.Name), ("text", text)));
        });
    }
}
