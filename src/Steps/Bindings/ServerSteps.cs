using ChaosFeatures.Harness.ServersUnderTest;
using ChaosFeatures.Harness.ServersUnderTest.Probes;
using ChaosFeatures.Steps.Catalogue;
using ChaosFeatures.Steps.Run;
using ChaosFeatures.Steps.Scenario;
using Reqnroll;

namespace ChaosFeatures.Steps.Bindings;

[Binding]
[StepTopic(13, "Servers under test", "Your server as a child process of the scenario: a command line in the feature, or an entry of reqnroll.json's " +
    "chaos.servers (command, probe, startTimeoutMs, install). {port} becomes a free loopback port, {folder} its own temp folder, {bin} the " +
    "tests' output folder; dotnet is the SDK's; relative paths start from the suite root. It starts the first time a step needs it (so all its " +
    "Given steps apply), waits (bounded) until it listens, answers a legitimate client once and is idle: that is its baseline (fds, memory). A " +
    "guard kills its process group when the scenario ends or the test host dies, and the end checks that no process or folder of it is left. " +
    "Probes: connect | length-prefixed | redis-ping | line:REQUEST -> REPLY. A configured server whose program is missing and that says how to " +
    "install it skips the scenario with that reason (a failure under CHAOS_STRICT=1).")]
public sealed class ServerSteps(ChaosScenario chaos)
{
    private static readonly TimeSpan WaitBound = TimeSpan.FromSeconds(30);

    [Given("server {string} runs {string}"), StepExample("Given server \"S\" runs \"dotnet {bin}/lengthprefixed-server.dll --port {port}\"")]
    public void Runs(string server, string commandLine) =>
        chaos.Servers.DefineServer(server, ServerCommand.Parse(commandLine), SuiteRoot);

    [Given("server {string} is the configured {string} server"), StepExample("Given server \"S\" is the configured \"sample\" server")]
    public void Configured(string server, string configured) => DefineConfigured(server, configured, "");

    [Given("server {string} is the configured {string} server with {string}"),
     StepExample("Given server \"S\" is the configured \"sample\" server with \"--max-connections 20\"")]
    public void ConfiguredWith(string server, string configured, string arguments) => DefineConfigured(server, configured, arguments);

    [Given("server {string} is probed with {string}"), StepExample("Given server \"R\" is probed with \"line:PING -> +PONG\"")]
    public void ProbedWith(string server, string probe) => chaos.Servers.ConfigureServer(server).Probe = ServerProbes.Parse(probe);

    [Given("server {string} may take {int} ms to start"), StepExample("Given server \"S\" may take 30000 ms to start")]
    public void MayTake(string server, int ms)
    {
        var spec = chaos.Servers.ConfigureServer(server);
        spec.StartTimeoutMs = ms;
        _ = spec.ToOptions(); // checked here, where it enters
    }

    [Given("server {string} listens on port {int}"), StepExample("Given server \"S\" listens on port 7000")]
    public void ListensOn(string server, int port)
    {
        var spec = chaos.Servers.ConfigureServer(server);
        spec.Port = port;
        _ = spec.ToOptions();
    }

    [Given("server {string} is up"), StepExample("Given server \"S\" is up")]
    public Task IsUp(string server) => chaos.Servers.GetServerAsync(server, chaos.Cancellation);

    [When("server {string} has accepted {int} connection(s)"), StepExample("When server \"S\" has accepted 1 connection")]
    public async Task HasAccepted(string server, int connections)
    {
        var target = await chaos.Servers.GetServerAsync(server, chaos.Cancellation);
        // The kernel completes a handshake before the server accepts: a client "connected" may still sit in the backlog.
        await target.WaitUntilAsync(s => s.Established >= connections, $"holding {connections} connection(s)", WaitBound, chaos.Cancellation);
    }

    [When("server {string} is started again"), StepExample("When server \"S\" is started again")]
    public Task StartedAgain(string server) => chaos.Servers.RestartServerAsync(server, chaos.Cancellation);

    private static string SuiteRoot => ChaosRun.Current.Settings.SuiteRoot;

    private void DefineConfigured(string server, string configured, string arguments)
    {
        ConfiguredServer entry = ChaosRun.Current.Settings.Server(configured);
        if (entry.Install is { } install && entry.Command.ResolveProgram(SuiteRoot) is null)
            chaos.Skip($"{entry.Command.Program} is not installed (install: {install})");
        var spec = chaos.Servers.DefineServer(server, entry.Command, SuiteRoot);
        spec.Probe = entry.Probe;
        spec.StartTimeoutMs = entry.StartTimeoutMs;
        spec.AddArguments(ServerCommand.Words(arguments));
    }
}
