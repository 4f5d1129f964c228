using ChaosFeatures.Control.Api;
using ChaosFeatures.EvilPeer.Proxy;

namespace ChaosFeatures.Control.Model;

/// <summary>
/// Toxiproxy's proxy collection. One lock serialises every API call, and nothing done under it
/// waits for the data plane: toxic changes return at once on live connections, and a proxy that
/// is deleted or moved is only closed here, its pumps drained in the background. That is what
/// keeps every call fast while traffic streams (Toxiproxy's #558: removals hang under load).
/// </summary>
internal sealed class ProxyRegistry(ProxyDefaults defaults) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ApiProxy> _proxies = new(StringComparer.Ordinal);
    private readonly List<Task> _retiring = [];

    public T Read<T>(Func<IReadOnlyDictionary<string, ApiProxy>, T> read)
    {
        lock (_gate) return read(_proxies);
    }

    public T WithProxy<T>(string name, Func<ApiProxy, T> action)
    {
        lock (_gate) return action(Get(name));
    }

    public ApiProxy Create(ProxyInput input)
    {
        if (input.Name.Length == 0) throw ApiError.MissingField("name");
        if (input.Upstream.Length == 0) throw ApiError.MissingField("upstream");
        lock (_gate)
        {
            if (_proxies.ContainsKey(input.Name)) throw ApiError.ProxyExists();
            var proxy = New(input);
            if (input.Enabled) proxy.Start();
            _proxies.Add(proxy.Name, proxy);
            return proxy;
        }
    }

    /// <summary>Toxiproxy's <c>Update</c>: a changed listen or upstream restarts the proxy; then enabled is applied.</summary>
    public ApiProxy Update(string name, Func<ApiProxy, ProxyInput> decode)
    {
        lock (_gate)
        {
            ApiProxy proxy = Get(name);
            ProxyInput input = decode(proxy);
            if (proxy.Differs(input.Listen, input.Upstream)) proxy.Retarget(input.Listen, input.Upstream);
            if (input.Enabled != proxy.Enabled)
            {
                if (input.Enabled) proxy.Start();
                else proxy.Stop();
            }
            return proxy;
        }
    }

    public void Delete(string name)
    {
        lock (_gate)
        {
            Get(name).Close();
            _proxies.Remove(name);
        }
    }

    /// <summary>Re-enables every proxy and removes every toxic; proxies are never deleted.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            foreach (ApiProxy proxy in _proxies.Values)
            {
                proxy.Start();
                proxy.RemoveAllToxics();
            }
        }
    }

    /// <summary>
    /// Toxiproxy's <c>AddOrReplace</c> for each item in order, after every item was checked. An
    /// existing proxy whose listen and upstream do not differ is kept as it is; one that differs is
    /// replaced by a new one. Unlike Toxiproxy, the item's toxics are applied: added, or replacing a
    /// toxic of the same name.
    /// </summary>
    /// <returns>The proxies processed; on the first failure, those before it and the error.</returns>
    public (IReadOnlyList<ApiProxy> Proxies, ApiError? Error) Populate(IReadOnlyList<PopulateItem> items)
    {
        var done = new List<ApiProxy>();
        lock (_gate)
        {
            foreach (PopulateItem item in items)
            {
                try
                {
                    done.Add(AddOrReplace(item));
                }
                catch (ApiError e)
                {
                    return (done, e);
                }
            }
        }
        return (done, null);
    }

    /// <summary>Closes every proxy and waits for every pump, those retired earlier included.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (ApiProxy proxy in _proxies.Values) proxy.Close();
            _proxies.Clear();
        }
        Task[] retiring;
        lock (_retiring) retiring = [.. _retiring];
        await Task.WhenAll(retiring).ConfigureAwait(false);
    }

    private ApiProxy AddOrReplace(PopulateItem item)
    {
        ProxyInput input = item.Proxy;
        if (_proxies.TryGetValue(input.Name, out ApiProxy? existing))
        {
            if (!existing.Differs(input.Listen, input.Upstream))
            {
                ApplyToxics(existing, item);
                return existing;
            }
            existing.Stop();
        }
        ApiProxy proxy = New(input);
        ApplyToxics(proxy, item);
        if (input.Enabled) proxy.Start();
        existing?.Close();
        _proxies[proxy.Name] = proxy;
        return proxy;
    }

    private static void ApplyToxics(ApiProxy proxy, PopulateItem item)
    {
        foreach (var toxic in item.Toxics)
        {
            var current = proxy.FindToxic(toxic.Name);
            if (current is null) proxy.AddToxic(toxic);
            else if (!current.SameAs(toxic)) proxy.ReplaceToxic(current, toxic);
        }
    }

    private ApiProxy New(ProxyInput input) => new(input.Name, input.Listen, input.Upstream, defaults, Retire);

    private ApiProxy Get(string name) => _proxies.TryGetValue(name, out ApiProxy? proxy) ? proxy : throw ApiError.ProxyNotFound();

    /// <summary>A closed proxy's pumps drain in the background; disposal waits for them.</summary>
    private void Retire(ToxicProxy proxy)
    {
        lock (_retiring)
        {
            _retiring.RemoveAll(t => t.IsCompleted);
            _retiring.Add(proxy.DisposeAsync().AsTask());
        }
    }
}
