using ChaosFeatures.Harness.Clients;

namespace ChaosFeatures.Harness.Tasks;

/// <summary>How a task's transfers run: which client driver, and when it gives up.</summary>
public sealed class TaskSettings
{
    public const int DefaultTimeoutMs = 10_000;

    public IClientDriver Driver { get; private set; } = ClientDrivers.Get("socket");
    public TimeSpan Timeout { get; private set; } = TimeSpan.FromMilliseconds(DefaultTimeoutMs);

    /// <summary>An unknown name fails here, listing the known drivers.</summary>
    public void UseDriver(string name) => Driver = ClientDrivers.Get(name);

    public void GiveUpAfter(int ms) => Timeout = ms > 0
        ? TimeSpan.FromMilliseconds(ms)
        : throw new ArgumentOutOfRangeException(nameof(ms), ms, "a task gives up after > 0 ms");
}
