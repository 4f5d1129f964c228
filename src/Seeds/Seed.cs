namespace ChaosFeatures.Seeds;

/// <summary>
/// A seed and the one way to derive an independent sub-seed for a purpose: <c>seed.For("payload", "EP")</c>.
/// Each step is <c>Mix(part ^ Mix(seed))</c>, order-sensitive, so (seed 1, part 2) and (seed 2, part 1) differ and
/// nearby seeds give unrelated streams. Test case ids and the combination sample depend on this exact step.
/// </summary>
public readonly record struct Seed(ulong Value)
{
    /// <summary>The sub-seed for <paramref name="part"/> (a purpose or a name), through <see cref="StableHash"/>.</summary>
    public Seed For(string part) => For(StableHash.Of(part));

    /// <summary>The sub-seed for a purpose and a name, e.g. <c>For("payload", "EP")</c>.</summary>
    public Seed For(string purpose, string name) => For(purpose).For(name);

    /// <summary>The sub-seed for a number (a connection id, an iteration, a stream direction).</summary>
    public Seed For(ulong part) => new(SplitMix64.Mix(part ^ SplitMix64.Mix(Value)));

    /// <summary>A fresh generator whose draws follow from this seed alone.</summary>
    public SplitMix64 Generator() => new(Value);

    /// <summary><paramref name="length"/> payload bytes from this seed (<see cref="PayloadGenerator"/>).</summary>
    public byte[] Payload(int length) => PayloadGenerator.Generate(Value, length);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
