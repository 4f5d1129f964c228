using System.Globalization;
using ChaosFeatures.Gherkin.Model;

namespace ChaosFeatures.Gherkin.Execution;

/// <summary>The per-case <see cref="IReqnrollOutputHelper"/>: keeps lines for the result and forwards them as attachments.</summary>
internal sealed class OutputCollector(TestCase testCase, ListenerHub hub) : IReqnrollOutputHelper
{
    /// <summary>The media type Cucumber uses for log lines.</summary>
    public const string LogMediaType = "text/x.cucumber.log+plain";

    private readonly List<string> _lines = [];

    public void WriteLine(string message)
    {
        lock (_lines)
            _lines.Add(message);
        hub.Notify(l => l.Attachment(testCase, message, LogMediaType));
    }

    public void WriteLine(string format, params object[] args) => WriteLine(string.Format(CultureInfo.InvariantCulture, format, args));

    public void AddAttachment(string filePath)
    {
        var uri = new Uri(Path.GetFullPath(filePath)).AbsoluteUri;
        lock (_lines)
            _lines.Add($"Attachment: {uri}");
        hub.Notify(l => l.Attachment(testCase, uri, "text/uri-list"));
    }

    public IReadOnlyList<string> Lines()
    {
        lock (_lines)
            return [.. _lines];
    }
}
