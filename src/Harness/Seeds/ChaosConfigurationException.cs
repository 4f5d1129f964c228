namespace ChaosFeatures.Harness.Seeds;

/// <summary>
/// A chaos setting from the environment is malformed. The message is one line naming the
/// variable, the bad value and the accepted forms, so a CI log shows the fix at a glance.
/// </summary>
public sealed class ChaosConfigurationException(string variable, string value, string accepted)
    : Exception($"{variable}='{value}' is invalid; accepted: {accepted}")
{
    public string Variable { get; } = variable;
}
