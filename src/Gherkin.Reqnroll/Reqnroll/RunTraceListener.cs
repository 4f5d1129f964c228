using Reqnroll.Tracing;

namespace ChaosFeatures.Gherkin.Reqnroll;

/// <summary>
/// Reqnroll's trace outside any test thread ("Loading plugin …", "Using reqnroll.json", warnings such as runners
/// never released after a hang): the chatter is dropped, so a tool like freeze keeps stdout for its own lines;
/// warnings go to standard error.
/// </summary>
internal sealed class RunTraceListener : ITraceListener
{
    public void WriteTestOutput(string message) { }

    public void WriteToolOutput(string message)
    {
        if (message.Contains("warning", StringComparison.OrdinalIgnoreCase))
            Console.Error.WriteLine("Reqnroll: " + message);
    }
}
