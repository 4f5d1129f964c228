using System.Net.Sockets;
using ChaosFeatures.Control.Api;
using ChaosFeatures.Control.Json;
using ChaosFeatures.EvilPeer.Proxy;
using ChaosFeatures.EvilPeer.Toxics;

namespace ChaosFeatures.Control.Model;

/// <summary>
/// One proxy of the API, with Toxiproxy's semantics: <see cref="Listen"/> is stored as sent until
/// the proxy first listens and then shows the bound address; toxics outlive disable and enable;
/// a new listen or upstream means a new <see cref="ToxicProxy"/> carrying the same toxics.
/// Not thread-safe: the <see cref="ProxyRegistry"/> serialises every call.
/// </summary>
internal sealed class ApiProxy(string name, string listen, string upstream, ProxyDefaults defaults, Action<ToxicProxy> retire)
{
    private readonly List<ApiToxic> _toxics = [];
    private ToxicProxy? _running;

    public string Name { get; } = name;

    public string Listen { get; private set; } = listen;

    public string Upstream { get; private set; } = upstream;

    public bool Enabled { get; private set; }

    /// <summary>Upstream chain first, then downstream, each in insertion order (Toxiproxy's listing order).</summary>
    public IEnumerable<ApiToxic> Toxics =>
        _toxics.Where(t => t.Stream == ToxicStream.Upstream).Concat(_toxics.Where(t => t.Stream == ToxicStream.Downstream));

    /// <summary>The running EvilPeer proxy, once it has listened (for code that drives the data plane directly).</summary>
    public ToxicProxy? Running => _running;

    /// <exception cref="ApiError">500 with Go's text when the address does not resolve or bind.</exception>
    public void Start()
    {
        if (Enabled) return;
        ListenAddress address;
        try
        {
            address = ListenAddress.Resolve(Listen);
        }
        catch (FormatException e)
        {
            throw new ApiError(500, $"listen tcp: {e.Message}");
        }
        _running ??= Create(address);
        try
        {
            _running.Enable();
        }
        catch (SocketException e)
        {
            Retire();
            throw new ApiError(500, BindError.Describe(address.GoText, e));
        }
        Listen = _running.ListenEndpoint.ToString();
        Enabled = true;
    }

    /// <summary>Closes the listener and every live connection (FIN); toxics stay.</summary>
    public void Stop()
    {
        if (!Enabled) return;
        _running!.Disable();
        Enabled = false;
    }

    /// <summary>Toxiproxy's <c>Differs</c>: compares the resolved new listen with the current one, and the upstream.</summary>
    /// <exception cref="ApiError">500 with Go's resolve error (no <c>listen tcp</c> prefix on update, as in Toxiproxy).</exception>
    public bool Differs(string newListen, string newUpstream)
    {
        try
        {
            return ListenAddress.Resolve(newListen).GoText != Listen || newUpstream != Upstream;
        }
        catch (FormatException e)
        {
            throw new ApiError(500, e.Message);
        }
    }

    /// <summary>Stops, and takes the new address and upstream; the next start listens there.</summary>
    public void Retarget(string newListen, string newUpstream)
    {
        Stop();
        Retire();
        Listen = newListen;
        Upstream = newUpstream;
    }

    /// <summary>Deleted: stops and lets go of the data plane.</summary>
    public void Close()
    {
        Stop();
        Retire();
    }

    public ApiToxic? FindToxic(string toxicName) => _toxics.Find(t => t.Name == toxicName);

    public void AddToxic(ApiToxic toxic)
    {
        _toxics.Add(toxic);
        if (toxic.Options is not null) _running?.AddToxic(toxic.Options);
    }

    public void ReplaceToxic(ApiToxic old, ApiToxic next)
    {
        _toxics[_toxics.IndexOf(old)] = next;
        if (next.Options is not null) _running?.UpdateToxic(next.Options);
    }

    public void RemoveToxic(ApiToxic toxic)
    {
        _toxics.Remove(toxic);
        if (toxic.Options is not null) _running?.RemoveToxic(toxic.Name);
    }

    public void RemoveAllToxics()
    {
        foreach (ApiToxic toxic in _toxics.ToArray()) RemoveToxic(toxic);
    }

    /// <summary>Toxiproxy's field order, its leaked <c>"Logger":{}</c> included (strict clients decode it).</summary>
    public void Write(GoJsonWriter json)
    {
        json.BeginObject()
            .Name("name").String(Name)
            .Name("listen").String(Listen)
            .Name("upstream").String(Upstream)
            .Name("enabled").Bool(Enabled)
            .Name("Logger").BeginObject().EndObject()
            .Name("toxics").BeginArray();
        foreach (ApiToxic toxic in Toxics) toxic.Write(json);
        json.EndArray().EndObject();
    }

    private ToxicProxy Create(ListenAddress address)
    {
        var proxy = new ToxicProxy(new ToxicProxyOptions
        {
            Name = Name.Length <= 200 ? Name : Name[..200], // the events' actor name
            Listen = address.Bind.ToString(),
            Upstream = Upstream,
            UpstreamCheckedAtDial = true,
            Seed = defaults.SeedFor(Name),
            Events = defaults.Events,
            ByteEvents = defaults.ByteEvents,
            TimeProvider = defaults.Time,
        });
        foreach (ApiToxic toxic in _toxics)
            if (toxic.Options is not null) proxy.AddToxic(toxic.Options);
        return proxy;
    }

    private void Retire()
    {
        if (_running is null) return;
        _running.Disable();
        retire(_running);
        _running = null;
    }
}
