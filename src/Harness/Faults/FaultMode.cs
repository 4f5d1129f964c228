namespace ChaosFeatures.Harness.Faults;

/// <summary>
/// What a <see cref="FaultyStream"/> does wrong. Built only through the factories, which validate
/// and name the bad parameter with its allowed range.
/// </summary>
public sealed record FaultMode
{
    private FaultMode(FaultKind kind) => Kind = kind;

    public FaultKind Kind { get; }
    /// <summary>FailEveryNth: the period; PartialRead: max bytes per read; Timeout: milliseconds.</summary>
    public int Count { get; private init; }
    /// <summary>FailAfterN: bytes allowed through (reads and writes together); Corrupt: the offset, or -1 with a rate.</summary>
    public long Bytes { get; private init; }
    public FaultErrorKind Error { get; private init; }
    public double Rate { get; private init; }
    public ulong Seed { get; private init; }

    public static FaultMode Healthy { get; } = new(FaultKind.Healthy);

    /// <summary>Every <paramref name="n"/>th operation (read or write) throws IOException.</summary>
    public static FaultMode FailEveryNth(int n) => new(FaultKind.FailEveryNth) { Count = Check(n, 1, int.MaxValue, "FailEveryNth.n") };

    /// <summary>The first <paramref name="bytes"/> bytes pass; then operations throw IOException.</summary>
    public static FaultMode FailAfterN(long bytes) => new(FaultKind.FailAfterN) { Bytes = Check(bytes, 0, long.MaxValue, "FailAfterN.bytes") };

    /// <summary>Every operation hangs <paramref name="milliseconds"/> then throws TimeoutException; cancellation ends the wait early.</summary>
    public static FaultMode Timeout(int milliseconds) => new(FaultKind.Timeout) { Count = Check(milliseconds, 1, 3_600_000, "Timeout.ms") };

    /// <summary>Reads return at most <paramref name="maxBytes"/> bytes (short reads a correct reader must loop over).</summary>
    public static FaultMode PartialRead(int maxBytes) => new(FaultKind.PartialRead) { Count = Check(maxBytes, 1, int.MaxValue, "PartialRead.maxBytes") };

    /// <summary>Every operation throws the error of <paramref name="kind"/>.</summary>
    public static FaultMode ReturnError(FaultErrorKind kind) =>
        Enum.IsDefined(kind) ? new(FaultKind.ReturnError) { Error = kind }
        : throw new ArgumentException($"ReturnError.kind={kind} is invalid; accepted: {string.Join(" | ", Enum.GetNames<FaultErrorKind>())}");

    /// <summary>One bit flipped at stream offset <paramref name="offset"/> (of reads and of writes, each counted separately).</summary>
    public static FaultMode Corrupt(long offset) => new(FaultKind.Corrupt) { Bytes = Check(offset, 0, long.MaxValue, "Corrupt.offset") };

    /// <summary>Each byte has one bit flipped with probability <paramref name="rate"/>, drawn from <paramref name="seed"/>.</summary>
    public static FaultMode Corrupt(double rate, ulong seed) =>
        double.IsFinite(rate) && rate > 0 && rate <= 1 ? new(FaultKind.Corrupt) { Bytes = -1, Rate = rate, Seed = seed }
        : throw new ArgumentException($"Corrupt.rate={rate} is invalid; accepted: a number in (0, 1]");

    private static T Check<T>(T value, T min, T max, string field) where T : System.Numerics.INumber<T> =>
        value >= min && value <= max ? value : throw new ArgumentException($"{field}={value} is invalid; accepted: {min}..{max}");
}
