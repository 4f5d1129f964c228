namespace ChaosFeatures.EvilPeer.Forked;

/// <summary>One rule of an <see cref="HttpTable"/>.</summary>
public sealed class HttpRuleTable
{
    public long From { get; set; } = 1;
    public long? To { get; set; }
    public string? Path { get; set; }
    public HttpResponseTable? Response { get; set; }
}
