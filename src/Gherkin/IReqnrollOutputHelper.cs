namespace ChaosFeatures.Gherkin;

/// <summary>
/// Writes lines into the test case's output and the report, like Reqnroll's service of the same
/// name. Inject it through a binding constructor.
/// </summary>
public interface IReqnrollOutputHelper
{
    void WriteLine(string message);

    void WriteLine(string format, params object[] args);

    /// <summary>Attaches a file to the report (by path).</summary>
    void AddAttachment(string filePath);
}
