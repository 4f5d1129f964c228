namespace ChaosFeatures.Harness.Payloads;

/// <summary>How fake records are laid out on the wire.</summary>
public enum RecordFormat
{
    /// <summary>One JSON object per line (<c>\n</c>-terminated).</summary>
    Jsonl,
    /// <summary>A header line, then one comma-separated line per record (RFC 4180 quoting).</summary>
    Csv,
    /// <summary>A small protocol's frames: a 4-byte big-endian length, then that many bytes of one JSON object.</summary>
    Frames,
}
