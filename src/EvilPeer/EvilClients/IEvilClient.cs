namespace ChaosFeatures.EvilPeer.EvilClients;

/// <summary>A running evil client, in process (<see cref="EvilClient"/>) or forked (<see cref="Forked.ForkedEvilClient"/>): what a step waits on and checks.</summary>
public interface IEvilClient : IAsyncDisposable
{
    string Name { get; }
    EvilClientOptions Options { get; }
    EvilClientStats Stats { get; }

    /// <summary>The report once the run is over (or, forked, once the child is gone). Never faults.</summary>
    Task<EvilClientReport> Completion { get; }

    /// <exception cref="TimeoutException">Not over within <paramref name="timeout"/>; the message carries the stats.</exception>
    Task<EvilClientReport> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken = default);
}
