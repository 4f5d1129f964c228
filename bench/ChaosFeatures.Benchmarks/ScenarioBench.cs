using System.Diagnostics;
using System.Net.Sockets;
using ChaosFeatures.EvilPeer.Peers;
using ChaosFeatures.EvilPeer.Peers.Serve;
using ChaosFeatures.Gherkin;
using ChaosFeatures.Gherkin.Execution;
using ChaosFeatures.Gherkin.Expansion;
using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Steps.Scenario;

namespace ChaosFeatures.Benchmarks;

/// <summary>
/// A whole trivial io scenario (serve 256 B, download, assert) through the runner and the real
/// step library, against the same socket work done by hand: the difference is what the runner,
/// the harness, the event log and the leak check cost per scenario.
/// </summary>
internal static class ScenarioBench
{
    private const string Feature = "Scenarios/trivial_io.feature";

    public static async Task<BenchRow[]> RunAsync(BenchSettings settings)
    {
        // The scenario's events go to a throwaway folder: a benchmark leaves no results behind.
        string results = Directory.CreateTempSubdirectory("chaos-bench-").FullName;
        Environment.SetEnvironmentVariable("CHAOS_RESULTS_DIR", results);
        try
        {
            TestCase testCase = LoadCase();
            await using var run = new TestRun(new ExecutionSettings { StrictSkips = false, ScenarioTimeout = TimeSpan.FromSeconds(30) },
                [typeof(ChaosScenario).Assembly]);
            await RunScenarioAsync(run, testCase); // warm-up: JIT, BeforeTestRun, the event log file
            await ByHandAsync();

            var scenario = new List<double>();
            var byHand = new List<double>();
            for (int i = 0; i < settings.ScenarioRuns; i++)
            {
                scenario.Add(await RunScenarioAsync(run, testCase));
                byHand.Add(await ByHandAsync());
            }
            double median = RoundTripBench.Percentile(scenario, 50), bare = RoundTripBench.Percentile(byHand, 50);
            return
            [
                new("trivial io scenario, median (serve 256 B, download, assert)", $"{bare:F2} ms by hand",
                    $"{median:F2} ms (p90 {RoundTripBench.Percentile(scenario, 90):F2})", $"+{median - bare:F2} ms by runner", "<= 10 ms", median <= 10),
            ];
        }
        finally
        {
            Environment.SetEnvironmentVariable("CHAOS_RESULTS_DIR", null);
            Directory.Delete(results, recursive: true);
        }
    }

    private static TestCase LoadCase()
    {
        var suite = FeatureSuite.Load(AppContext.BaseDirectory, [Feature], ExpansionOptions.Default);
        if (suite.Errors.Count > 0) throw new InvalidOperationException($"{Feature}: {suite.Errors[0]}");
        return suite.TestCases.Single();
    }

    /// <returns>Milliseconds for one whole test case, hooks included.</returns>
    private static async Task<double> RunScenarioAsync(TestRun run, TestCase testCase)
    {
        long start = Stopwatch.GetTimestamp();
        TestCaseResult result = await run.RunAsync(testCase);
        double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (result.Status != TestCaseStatus.Passed) throw new InvalidOperationException($"the benchmark scenario failed: {result.Message}");
        return elapsed;
    }

    /// <returns>Milliseconds to start a peer serving 256 B, download it with a socket, compare and stop the peer.</returns>
    private static async Task<double> ByHandAsync()
    {
        long start = Stopwatch.GetTimestamp();
        byte[] payload = new byte[256];
        Random.Shared.NextBytes(payload);
        await using (Peer peer = await PeerHost.StartAsync(new PeerOptions("EP", new ServeBehaviour(payload))))
        {
            using Socket client = await Client.ConnectAsync(peer.EndPoint);
            var received = new byte[payload.Length];
            await Client.ReadExactlyAsync(client, received);
            if (await client.ReceiveAsync(new byte[1]) != 0 || !received.AsSpan().SequenceEqual(payload))
                throw new InvalidOperationException("the peer did not serve exactly its payload");
        }
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
