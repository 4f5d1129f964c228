namespace ChaosFeatures.Control.Json;

/// <summary>The Go field types of Toxiproxy's structs; each decodes strictly, as <c>encoding/json</c> does.</summary>
internal enum GoKind
{
    String,
    Bool,

    /// <summary>An integer literal only: <c>1.5</c>, <c>1e2</c> and <c>"1"</c> are type errors.</summary>
    Int64,

    /// <summary>Go's <c>int</c> (64 bits on amd64), named <c>int</c> in its messages.</summary>
    Int,
    Float32,
    Float64,

    /// <summary>A nested struct (e.g. <c>attributes</c>): anything but an object is a type error.</summary>
    Object,
}
