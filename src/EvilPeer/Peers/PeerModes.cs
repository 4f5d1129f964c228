namespace ChaosFeatures.EvilPeer.Peers;

/// <summary>
/// A peer mode's one text form, both ways: the <c>mode</c> field of a peer's listen event and of a fault table, the host's
/// <c>evilpeer serve|consume|echo|http</c>, and messages ("a serve peer"). Committed event logs hold these: never change one.
/// </summary>
public static class PeerModes
{
    public static string Name(PeerMode mode) => mode switch
    {
        PeerMode.Serve => "serve",
        PeerMode.Consume => "consume",
        PeerMode.Echo => "echo",
        PeerMode.Http => "http",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "not a peer mode"),
    };

    /// <summary>Every name in declaration order, for messages: <c>serve, consume, echo, http</c>.</summary>
    public static string Known => string.Join(", ", Enum.GetValues<PeerMode>().Select(Name));

    public static bool TryParse(string? name, out PeerMode mode)
    {
        foreach (var candidate in Enum.GetValues<PeerMode>())
        {
            if (Name(candidate) != name) continue;
            mode = candidate;
            return true;
        }
        mode = default;
        return false;
    }
}
