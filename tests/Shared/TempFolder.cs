namespace ChaosFeatures.Tests.Shared;

/// <summary>
/// A fresh folder under the system temp folder, named after the test assembly that made it, deleted with everything in
/// it on dispose. Shared as source by the test projects.
/// </summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(typeof(TempFolder).Assembly.GetName().Name + "-").FullName;

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
