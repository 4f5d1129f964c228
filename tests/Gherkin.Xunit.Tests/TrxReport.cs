using System.Xml.Linq;

namespace ChaosFeatures.Gherkin.Xunit.Tests;

/// <summary>The parts of a Visual Studio TRX file a test of the bridge looks at.</summary>
internal sealed record TrxResult(string Name, string Outcome, string Message);

internal static class TrxReport
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static IReadOnlyList<TrxResult> Read(string path) =>
        XDocument.Load(path).Descendants(Ns + "UnitTestResult")
            .Select(r => new TrxResult(
                (string?)r.Attribute("testName") ?? "",
                (string?)r.Attribute("outcome") ?? "",
                string.Concat(r.Descendants(Ns + "Message").Select(m => m.Value))
                    + string.Concat(r.Descendants(Ns + "StdOut").Select(m => m.Value))))
            .ToList();
}
