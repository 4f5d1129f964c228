using ChaosFeatures.Harness.Clients;
using Reqnroll;

namespace ChaosFeatures.HttpPlantedBug;

/// <summary>Registers the <c>tiny-http</c> driver before the run, once per process (one process may start several runs: freeze, verify).</summary>
[Binding]
public sealed class TinyHttpRegistration
{
    private static readonly Lock Gate = new();

    [BeforeTestRun]
    public static void Register()
    {
        lock (Gate)
        {
            if (!ClientDrivers.Names.Contains(TinyHttpDriver.DriverName)) ClientDrivers.Register(new TinyHttpDriver());
        }
    }
}
