namespace ChaosFeatures.Harness.EventLog;

/// <summary>A stamped event: <paramref name="ElapsedMs"/> since the test started.</summary>
public sealed record TimelineEntry(double ElapsedMs, ChaosEvent Event)
{
    public override string ToString() =>
        $"+{ElapsedMs.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}ms {Event.Describe()}";
}
