using System.Reflection;

namespace ChaosFeatures.Gherkin.Bindings.Conversion;

/// <summary>
/// How a type's public properties line up with table columns: names compared case-insensitively with
/// spaces removed ("Max Bytes" -> MaxBytes). Built once per type.
/// </summary>
internal sealed class TableShape
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, TableShape> Cache = new();
    private readonly Dictionary<string, PropertyInfo> _properties;

    private TableShape(Type type)
    {
        Type = type;
        _properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .ToDictionary(p => Normalize(p.Name), StringComparer.OrdinalIgnoreCase);
    }

    public Type Type { get; }

    public static TableShape Of(Type type) => Cache.GetOrAdd(type, t => new TableShape(t));

    public static string Normalize(string name) => name.Replace(" ", "", StringComparison.Ordinal).Trim();

    public PropertyInfo Property(string column) =>
        _properties.TryGetValue(Normalize(column), out var property)
            ? property
            : throw new InvalidOperationException(
                $"Column '{column}' matches no public property of {Type.Name} (properties: {string.Join(", ", _properties.Values.Select(p => p.Name))}).");

    public static object? Convert(string text, Type target, string column)
    {
        var convert = ValueConverter.For(target)
            ?? throw new InvalidOperationException($"Column '{column}': cannot convert table text to {target.Name}.");
        try
        {
            return convert(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidOperationException($"Column '{column}': cannot convert '{text}' to {target.Name}: {e.Message}", e);
        }
    }

    /// <summary>Creates an instance from column -> text pairs, by setters or else by constructor parameters.</summary>
    public object Create(IReadOnlyList<KeyValuePair<string, string>> cells)
    {
        var parameterless = Type.GetConstructor(Type.EmptyTypes);
        if (parameterless is not null || Type.IsValueType)
        {
            var instance = Activator.CreateInstance(Type)!;
            foreach (var (column, text) in cells)
            {
                var property = Property(column);
                if (!property.CanWrite)
                    throw new InvalidOperationException($"Column '{column}': property {Type.Name}.{property.Name} has no setter.");
                property.SetValue(instance, Convert(text, property.PropertyType, column));
            }
            return instance;
        }
        return CreateByConstructor(cells);
    }

    private object CreateByConstructor(IReadOnlyList<KeyValuePair<string, string>> cells)
    {
        var constructor = Type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{Type.Name} has no public constructor.");
        var byName = cells.ToDictionary(c => Normalize(c.Key), StringComparer.OrdinalIgnoreCase);
        var parameters = constructor.GetParameters();
        foreach (var column in byName.Keys.Where(k => parameters.All(p => !string.Equals(p.Name, k, StringComparison.OrdinalIgnoreCase))))
            throw new InvalidOperationException($"Column '{byName[column].Key}' matches no constructor parameter of {Type.Name}.");
        var args = parameters.Select(p => byName.TryGetValue(p.Name!, out var cell)
            ? Convert(cell.Value, p.ParameterType, cell.Key)
            : p.HasDefaultValue ? p.DefaultValue : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null);
        return constructor.Invoke([.. args]);
    }
}
