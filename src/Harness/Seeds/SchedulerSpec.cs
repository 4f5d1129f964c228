using System.Globalization;
using ChaosFeatures.Seeds;

namespace ChaosFeatures.Harness.Seeds;

/// <summary>The parsed value of <c>CHAOS_SCHED</c>: <c>fifo</c>, <c>random:SEED</c> or <c>pct:SEED:DEPTH</c>.</summary>
public sealed record SchedulerSpec(SchedulerKind Kind, ulong Seed, int Depth)
{
    public const string Variable = "CHAOS_SCHED";
    public const string AcceptedForms = "fifo | random:SEED | pct:SEED:DEPTH (SEED " + SeedText.Range + ", DEPTH >= 1)";

    public static SchedulerSpec Fifo { get; } = new(SchedulerKind.Fifo, 0, 0);

    /// <summary>Null or empty means the default, <c>fifo</c>.</summary>
    public static SchedulerSpec Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return Fifo;
        var parts = text.Split(':');
        return parts switch
        {
            ["fifo"] => Fifo,
            ["random", var seed] when SeedText.TryParse(seed, out var s) => new(SchedulerKind.Random, s, 0),
            ["pct", var seed, var depth] when SeedText.TryParse(seed, out var s) && int.TryParse(depth, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d >= 1
                => new(SchedulerKind.Pct, s, d),
            _ => throw new ChaosConfigurationException(Variable, text, AcceptedForms),
        };
    }

    /// <summary>The canonical form, as accepted by <see cref="Parse"/> (freeze pins it).</summary>
    public override string ToString() => Kind switch
    {
        SchedulerKind.Fifo => "fifo",
        SchedulerKind.Random => $"random:{Seed}",
        _ => $"pct:{Seed}:{Depth}",
    };
}
