namespace ChaosFeatures.Harness.Replay;

/// <summary>The configuration this assembly was compiled in; a replay in another one may behave differently.</summary>
public static class BuildConfiguration
{
    // _FUZZ also defines DEBUG, so it is tested first.
#if _FUZZ
    public const string Current = "Fuzz";
#elif DEBUG
    public const string Current = "Debug";
#else
    public const string Current = "Release";
#endif
}
