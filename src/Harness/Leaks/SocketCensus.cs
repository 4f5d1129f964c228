namespace ChaosFeatures.Harness.Leaks;

/// <summary>
/// The latest listing of this process's sockets, shared by the scenarios' leak checkers so that a scenario's
/// baseline usually costs nothing: the listing another scenario's check took a moment ago serves as well as one
/// taken now.
/// </summary>
/// <remarks>
/// A baseline only has to hold sockets that were open before the scenario began, and any published listing was
/// finished before the checker that reads it was made, so it never hides a socket the scenario opens. It may lack
/// sockets opened between the listing and the scenario's start: such a socket is blamed on the scenario only if it
/// is connected to a port the scenario binds later, which <see cref="MaxAge"/> keeps to a window no real run hits.
/// </remarks>
internal static class SocketCensus
{
    /// <summary>How old a listing may be to serve as a baseline; busy runs list sockets every few milliseconds.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    /// <summary>The listings' own clock, not a checker's: they are shared by every checker, whatever clock each runs on.</summary>
    private static readonly TimeProvider Clock = TimeProvider.System;

    private static Listing? _latest;

    /// <summary>Inodes of sockets open at some moment before now: the latest listing when younger than <see cref="MaxAge"/>, else a fresh one.</summary>
    public static IReadOnlySet<long> Before() =>
        Volatile.Read(ref _latest) is { } latest && Clock.GetElapsedTime(latest.Taken) < MaxAge ? latest.Inodes : [.. Take().Keys];

    /// <summary>Lists the sockets now (inode -> descriptor) and publishes the listing for later baselines.</summary>
    public static Dictionary<long, int> Take()
    {
        var taken = Clock.GetTimestamp();
        var sockets = ProcSockets.OwnSockets();
        Volatile.Write(ref _latest, new Listing(taken, [.. sockets.Keys]));
        return sockets;
    }

    private sealed record Listing(long Taken, HashSet<long> Inodes);
}
