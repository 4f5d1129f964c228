using ChaosFeatures.EvilPeer.Validation;
using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Harness.ServersUnderTest;
using ChaosFeatures.Harness.ServersUnderTest.Probes;

namespace ChaosFeatures.Steps.Run;

/// <summary>
/// A <c>chaos.servers</c> entry of reqnroll.json made usable: its command parsed, its probe known, its start timeout in
/// range. Built (and so checked) before the first scenario, so a wrong entry fails the run with one line naming its key.
/// </summary>
/// <param name="Install">Set when a missing program means "skip" (with this as the way to get it), not "fail".</param>
public sealed record ConfiguredServer(string Name, ServerCommand Command, IServerProbe Probe, int StartTimeoutMs, string? Install)
{
    /// <exception cref="ConfigurationException">One line: the file, the key and what it must be.</exception>
    public static ConfiguredServer From(ServerSetting setting, string configurationPath)
    {
        string Problem(string field, string text) => $"{configurationPath}: '{setting.Key}.{field}': {text}";
        ServerCommand command;
        try
        {
            command = ServerCommand.Parse(setting.Command);
        }
        catch (OptionsValidationException e)
        {
            throw new ConfigurationException(Problem("command", $"not a command line: {string.Join("; ", e.Errors)}"), e);
        }
        if (!command.HasPortPlaceholder)
            throw new ConfigurationException(Problem("command", $"must contain {ServerCommand.PortPlaceholder} where the harness puts the free port it picked, got \"{setting.Command}\""));
        IServerProbe probe = ConnectProbe.Instance;
        if (setting.Probe is { } name)
            probe = ServerProbes.TryParse(name, out string problem) ?? throw new ConfigurationException(Problem("probe", problem));
        int startTimeout = setting.StartTimeoutMs ?? ServerUnderTestOptions.DefaultStartTimeoutMs;
        if (startTimeout > ServerUnderTestOptions.MaxStartTimeoutMs)
            throw new ConfigurationException(Problem("startTimeoutMs", $"{startTimeout} is out of range 1..{ServerUnderTestOptions.MaxStartTimeoutMs} ms"));
        return new ConfiguredServer(setting.Name, command, probe, startTimeout, setting.Install);
    }
}
