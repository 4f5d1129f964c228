namespace ChaosFeatures.EvilPeer.Proxy;

/// <summary>
/// Watches what clients send through a proxy for one byte sequence, on every connection, from the moment it is made.
/// Each connection is matched on its own (a sequence split over two reads still counts; one spread over two
/// connections does not), with Knuth–Morris–Pratt, so a byte is looked at once and nothing is buffered.
/// </summary>
internal sealed class ClientSendWatch
{
    private readonly byte[] _pattern;
    private readonly int[] _fallback;
    private readonly Dictionary<long, int> _matchedByConnection = [];
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ClientSendWatch(byte[] pattern)
    {
        _pattern = pattern;
        _fallback = Fallback(pattern);
    }

    public Task Seen => _seen.Task;

    public bool Done => _seen.Task.IsCompleted;

    public void Observe(long connection, ReadOnlySpan<byte> bytes)
    {
        lock (_matchedByConnection)
        {
            if (Done) return;
            int matched = _matchedByConnection.GetValueOrDefault(connection);
            foreach (byte b in bytes)
            {
                while (matched > 0 && _pattern[matched] != b) matched = _fallback[matched - 1];
                if (_pattern[matched] == b) matched++;
                if (matched == _pattern.Length)
                {
                    _matchedByConnection.Clear();
                    _seen.TrySetResult();
                    return;
                }
            }
            _matchedByConnection[connection] = matched;
        }
    }

    /// <summary>For each prefix, the length of its longest proper prefix that is also its suffix.</summary>
    private static int[] Fallback(byte[] pattern)
    {
        var fallback = new int[pattern.Length];
        for (int i = 1, k = 0; i < pattern.Length; i++)
        {
            while (k > 0 && pattern[i] != pattern[k]) k = fallback[k - 1];
            if (pattern[i] == pattern[k]) k++;
            fallback[i] = k;
        }
        return fallback;
    }
}
