namespace ChaosFeatures.Gherkin;

/// <summary>
/// A string-keyed bag shared by bindings, like Reqnroll's context base class. Typed helpers key by
/// the type's full name when no key is given.
/// </summary>
public class ReqnrollContext : Dictionary<string, object>
{
    private protected ReqnrollContext()
    {
    }

    public void Set<T>(T data) => Set(data, KeyOf<T>());

    public void Set<T>(T data, string key) => this[key] = data!;

    public T Get<T>() => Get<T>(KeyOf<T>());

    public T Get<T>(string key)
    {
        if (!base.TryGetValue(key, out var value))
            throw new KeyNotFoundException($"The context holds no value for key '{key}'.");
        return (T)value;
    }

    public bool TryGetValue<T>(out T value) => TryGetValue(KeyOf<T>(), out value);

    public bool TryGetValue<T>(string key, out T value)
    {
        if (base.TryGetValue(key, out var stored) && stored is T typed)
        {
            value = typed;
            return true;
        }
        value = default!;
        return false;
    }

    private static string KeyOf<T>() => typeof(T).FullName ?? typeof(T).Name;
}
