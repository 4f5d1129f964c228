using Reqnroll.Configuration;

namespace ChaosFeatures.Gherkin.Reqnroll;

/// <summary>reqnroll.json of the suite root, wherever the test assembly was built (Reqnroll looks only beside it and in the current folder).</summary>
internal sealed class SuiteJsonLocator(string path) : IReqnrollJsonLocator
{
    public string GetReqnrollJsonFilePath() => path;
}
