namespace ChaosFeatures.Merge.Cli;

internal static class ExitCodes
{
    /// <summary>Every job of every seed set is there and complete, and nothing failed.</summary>
    public const int Success = 0;

    /// <summary>The merge was written, but something failed, or a job or shard is missing or incomplete.</summary>
    public const int Failures = 1;

    /// <summary>Bad arguments or unusable artifacts: one line on stderr, nothing written.</summary>
    public const int BadInput = 2;
}
