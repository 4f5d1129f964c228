using ChaosFeatures.EvilPeer.EvilClients;

namespace ChaosFeatures.Steps.Bindings;

/// <summary>An evil client's report once its run is over, waited for no longer than its own time bound allows.</summary>
internal static class EvilClientRuns
{
    /// <summary>Past its time bound a client closes what it holds; this is how long that may take.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(10);

    public static Task<EvilClientReport> ReportAsync(IEvilClient client, CancellationToken cancellationToken) =>
        client.WaitAsync(TimeSpan.FromMilliseconds(client.Options.MaxDurationMs) + Slack, cancellationToken);
}
