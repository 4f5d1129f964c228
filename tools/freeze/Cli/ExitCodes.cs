namespace ChaosFeatures.Freeze.Cli;

internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The tool worked but the failure did not behave: it did not reproduce, or it drifted.</summary>
    public const int NotReproduced = 1;

    /// <summary>Bad arguments or a bad descriptor: one line on stderr, nothing written.</summary>
    public const int BadInput = 2;
}
