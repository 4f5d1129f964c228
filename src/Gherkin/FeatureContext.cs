namespace ChaosFeatures.Gherkin;

/// <summary>State shared by all scenarios of one feature; lives from BeforeFeature to AfterFeature.</summary>
public sealed class FeatureContext : ReqnrollContext
{
    internal FeatureContext(FeatureInfo featureInfo) => FeatureInfo = featureInfo;

    public FeatureInfo FeatureInfo { get; }
}
