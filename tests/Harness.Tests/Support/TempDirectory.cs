namespace ChaosFeatures.Harness.Tests.Support;

internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("chaos-harness-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
