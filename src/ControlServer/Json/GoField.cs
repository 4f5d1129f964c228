namespace ChaosFeatures.Control.Json;

/// <summary>A JSON field of a Go struct: its name (matched case-insensitively), type, and the Go type name its errors use.</summary>
internal sealed record GoField(string Name, GoKind Kind, string? GoType = null);
