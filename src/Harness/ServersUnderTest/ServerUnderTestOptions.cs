using ChaosFeatures.EvilPeer.Validation;
using ChaosFeatures.Harness.ServersUnderTest.Probes;

namespace ChaosFeatures.Harness.ServersUnderTest;

/// <summary>
/// A server under test: its name, the command that starts it, the port it will listen on and how a
/// legitimate client checks it. Validated here, where it enters.
/// </summary>
public sealed record ServerUnderTestOptions
{
    public const int MaxNameLength = 64;
    public const int MaxStartTimeoutMs = 120_000;
    public const int DefaultStartTimeoutMs = 15_000;

    /// <param name="name">The actor in events and messages, e.g. <c>S</c>.</param>
    /// <param name="command">What starts it; <c>{port}</c> in its arguments gets the port.</param>
    /// <param name="port">The port it listens on; 0 = the harness picks a free one (needs <c>{port}</c> in the command).</param>
    /// <param name="startTimeoutMs">How long it may take to listen, 1..120000 ms.</param>
    /// <param name="probe">What a legitimate client does; default a bare connect.</param>
    /// <param name="workingDirectory">Where it runs; default the test's current directory.</param>
    /// <param name="environment">Extra environment variables for it.</param>
    public ServerUnderTestOptions(string name, ServerCommand command, int port = 0, int startTimeoutMs = DefaultStartTimeoutMs,
        IServerProbe? probe = null, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        new Validator($"server under test \"{name}\"")
            .Require(!string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength && !name.Any(char.IsWhiteSpace),
                "name", $"\"{name}\" must be 1..{MaxNameLength} characters without whitespace")
            .Require(command is not null, "command", "is required")
            .Range("port", port, 0, 65535)
            .Require(port != 0 || command is null || command.HasPortPlaceholder, "port",
                $"0 (pick one) needs {ServerCommand.PortPlaceholder} in the command's arguments; otherwise give the port \"{command}\" listens on")
            .Range("startTimeout", startTimeoutMs, 1, MaxStartTimeoutMs, "ms")
            .Require(workingDirectory is null || Directory.Exists(workingDirectory), "workingDirectory", $"\"{workingDirectory}\" does not exist")
            .ThrowIfAny();
        Name = name;
        Command = command!;
        Port = port;
        StartTimeoutMs = startTimeoutMs;
        Probe = probe ?? ConnectProbe.Instance;
        WorkingDirectory = workingDirectory;
        Environment = environment ?? new Dictionary<string, string>();
    }

    public string Name { get; }
    public ServerCommand Command { get; }
    public int Port { get; }
    public int StartTimeoutMs { get; }
    public IServerProbe Probe { get; }
    public string? WorkingDirectory { get; }
    public IReadOnlyDictionary<string, string> Environment { get; }
}
