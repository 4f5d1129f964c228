using Reqnroll.Formatters.Configuration;

namespace ChaosFeatures.Gherkin.Reqnroll;

/// <summary>For runs that must not touch the suite's reports (freeze re-running one case in-process).</summary>
internal sealed class FormattersOff : IFormattersConfigurationDisableOverrideProvider
{
    public bool Disabled() => true;
}
