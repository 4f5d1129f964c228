using ChaosFeatures.Harness.ServersUnderTest.Probes;

namespace ChaosFeatures.Harness.ServersUnderTest;

/// <summary>
/// A scenario's server under test before it starts: its command (from the feature or <c>reqnroll.json</c>),
/// the arguments a scenario adds, how a legitimate client checks it, its port and start timeout. Given steps
/// fill it in; the first step that needs the server turns it into validated <see cref="ServerUnderTestOptions"/>.
/// </summary>
public sealed class ServerSpec(string name, ServerCommand command, string? workingDirectory)
{
    private readonly List<string> _extraArguments = [];

    public string Name => name;
    public ServerCommand Command => command;
    public IReadOnlyList<string> ExtraArguments => _extraArguments;
    public IServerProbe Probe { get; set; } = ConnectProbe.Instance;
    public int StartTimeoutMs { get; set; } = ServerUnderTestOptions.DefaultStartTimeoutMs;

    /// <summary>0 = a free port picked at start (the command needs <c>{port}</c>).</summary>
    public int Port { get; set; }

    public void AddArguments(IEnumerable<string> arguments) => _extraArguments.AddRange(arguments);

    /// <exception cref="EvilPeer.Validation.OptionsValidationException">A value out of range; one line naming the field.</exception>
    public ServerUnderTestOptions ToOptions(int? port = null) =>
        new(name, command.With(_extraArguments), port ?? Port, StartTimeoutMs, Probe, workingDirectory);
}
