namespace ChaosFeatures.Gherkin.Configuration;

/// <summary>The <c>chaos.servers</c> section, by name; equal when their entries are (so settings compare by value).</summary>
public sealed class ServerSettings : IEquatable<ServerSettings>
{
    private readonly SortedDictionary<string, ServerSetting> _byName;

    public ServerSettings(IEnumerable<ServerSetting> entries) =>
        _byName = new SortedDictionary<string, ServerSetting>(entries.ToDictionary(e => e.Name, StringComparer.Ordinal), StringComparer.Ordinal);

    public static ServerSettings None { get; } = new([]);

    public IReadOnlyCollection<ServerSetting> All => _byName.Values;

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public ServerSetting? Find(string name) => _byName.GetValueOrDefault(name);

    public bool Equals(ServerSettings? other) => other is not null && _byName.Values.SequenceEqual(other._byName.Values);

    public override bool Equals(object? obj) => Equals(obj as ServerSettings);

    public override int GetHashCode() => _byName.Count;

    public override string ToString() => _byName.Count == 0 ? "none" : string.Join(", ", _byName.Keys);
}
