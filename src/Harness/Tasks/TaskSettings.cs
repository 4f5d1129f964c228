using ChaosFeatures.Harness.Clients;

namespace ChaosFeatures.Harness.Tasks;

/// <summary>How a task's transfers run: which client driver, and when it gives up.</summary>
public sealed class TaskSettings
{
    public const int DefaultTimeoutMs = 10_000;

    /// <summary>An hour: no scenario runs longer (its watchdog cuts it far sooner), so a larger value is a typo.</summary>
    public const int MaxTimeoutMs = 3_600_000;

    public IClientDriver Driver { get; private set; } = ClientDrivers.Get("socket");
    public TimeSpan Timeout { get; private set; } = TimeSpan.FromMilliseconds(DefaultTimeoutMs);

    /// <summary>An unknown name fails here, listing the known drivers.</summary>
    public void UseDriver(string name) => Driver = ClientDrivers.Get(name);

    public void GiveUpAfter(int ms) => Timeout = ms is >= 1 and <= MaxTimeoutMs
        ? TimeSpan.FromMilliseconds(ms)
        : throw new ArgumentOutOfRangeException(nameof(ms), ms, $"gives up after: {ms} is out of range 1..{MaxTimeoutMs} ms");
}
