using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Harness.Counters;
using ChaosFeatures.Harness.EventLog;
using ChaosFeatures.Harness.Invariants;
using ChaosFeatures.Harness.Leaks;
using ChaosFeatures.Harness.Replay;
using ChaosFeatures.Harness.Scheduling;
using ChaosFeatures.Harness.Seeds;
using ChaosFeatures.Harness.Peers;
using ChaosFeatures.Harness.ServersUnderTest;
using ChaosFeatures.Steps.Run;
using ChaosFeatures.Harness.Streams;
using ChaosFeatures.Harness.Tasks;
using ChaosFeatures.Harness.Teardown;
using ChaosFeatures.Harness.Toxiproxy;
using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace ChaosFeatures.Steps.Scenario;

/// <summary>
/// One test case's chaos state, injected into every binding class of the step library (one per
/// scenario): its seeds, timeline, peers, servers under test and evil clients, in-memory streams, tasks, counters and leak checker. Seeds are decided on
/// first use, so the pinned-seeds step must come before any step that uses them; the timeline,
/// scheduler and peers are all created lazily, so a scenario that never touches chaos pays nothing.
/// Replay descriptor writers read <see cref="TestCase"/>, <see cref="Seeds"/>, <see cref="Timeline"/>
/// and <see cref="Failure"/> from an AfterScenario hook ordered after <see cref="Bindings.ChaosHooks.EndOrder"/>.
/// Under the ChaosFeatures bridge the case comes from its <see cref="CaseRun"/>; in any other Reqnroll
/// project it is made from Reqnroll's scenario and feature info (see <see cref="PlainReqnrollCase"/>).
/// </summary>
public sealed class ChaosScenario : IDisposable
{
    /// <summary>The safety net's bound when Reqnroll disposes the scenario without the end hook having run: the end keeps to its budget, this only backs it.</summary>
    private static readonly TimeSpan DisposeBound = TeardownLimits.AfterHookTimeout;

    private readonly object _gate = new();
    private readonly Lazy<TestTimeline> _timeline;
    private CaseSeeds? _seeds;
    private ChaosSeeds? _pinned;
    private Task<IReadOnlyList<string>>? _ending;
    private readonly Lazy<LeakChecker> _leaks;
    private readonly Lazy<ScenarioPeers> _peers;
    private readonly Lazy<ScenarioServers> _servers;
    private readonly List<object> _owned = [];
    private readonly Lazy<ScenarioToxiproxies> _toxiproxies;

    public ChaosScenario(ScenarioContext context, FeatureContext feature)
    {
        Context = context;
        var container = context.ScenarioContainer;
        Run = container.IsRegistered<CaseRun>() ? container.Resolve<CaseRun>() : null;
        TestCase = Run?.Case ?? PlainReqnrollCase.Of(context.ScenarioInfo, feature.FeatureInfo);
        _timeline = new Lazy<TestTimeline>(() => new TestTimeline(Seeds, ChaosRun.Current.Log));
        _leaks = new Lazy<LeakChecker>(() => new LeakChecker());
        _peers = new Lazy<ScenarioPeers>(() => new ScenarioPeers(() => Seeds, () => Timeline, Leaks, Counters));
        _servers = new Lazy<ScenarioServers>(() => new ScenarioServers(() => Timeline, Leaks));
        _toxiproxies = new Lazy<ScenarioToxiproxies>(() => new ScenarioToxiproxies(() => Seeds.ToxicSeed, () => Timeline, Leaks.TrackPort));
        Streams = new ScenarioStreams(() => Seeds);
        Tasks = new ScenarioTasks(new Lazy<ScenarioScheduler>(() => ScenarioScheduler.For(Seeds, Timeline.RecordPick)));
        Invariants = new InvariantChecks(new LazySink(_timeline));
    }

    public ScenarioContext Context { get; }

    /// <summary>The bridge's run of this case (iteration, failing step, watchdog token); null outside the bridge.</summary>
    public CaseRun? Run { get; }

    public TestCase TestCase { get; }
    public string TestId => TestCase.Id;

    /// <summary>Cancelled when the watchdog cuts the scenario; every wait of a step observes it.</summary>
    public CancellationToken Cancellation => Run?.Cancellation ?? CancellationToken.None;

    /// <summary>The clock of every delay, deadline and poll of the steps: the system's, the edge where time enters.</summary>
    public TimeProvider Time { get; } = TimeProvider.System;

    public ChaosCounters Counters { get; } = new();
    /// <summary>Made when the seeds are first drawn: its socket baseline reads /proc, which a scenario that uses no chaos should not pay for.</summary>
    public LeakChecker Leaks => _leaks.Value;
    public ScenarioPeers Peers => _peers.Value;

    /// <summary>Servers under test and evil clients; their events go to the timeline, so using them makes the case a chaos case.</summary>
    public ScenarioServers Servers
    {
        get
        {
            _ = Timeline;
            return _servers.Value;
        }
    }

    /// <summary>Peers', evil clients' and servers' live numbers as counters, for the counter steps.</summary>
    public void RecordCounters()
    {
        if (_peers.IsValueCreated) Peers.RecordCounters();
        if (_servers.IsValueCreated) _servers.Value.RecordCounters(Counters);
    }

    /// <summary>Toxiproxy-compatible servers the scenario started or was pointed at, and the proxies it made on them.</summary>
    public ScenarioToxiproxies Toxiproxies => _toxiproxies.Value;

    public ScenarioStreams Streams { get; }
    public ScenarioTasks Tasks { get; }

    /// <summary>The tasks' HTTP clients, one per task and peer (keep-alive across a task's requests), closed when the scenario ends.</summary>
    public HttpSessions Http { get; } = new();

    public InvariantChecks Invariants { get; }

    /// <summary>Set by the AfterScenario hook when the case failed, before recorders run.</summary>
    public ChaosFailure? Failure { get; internal set; }

    /// <summary>True once any chaos step used the seeds (and so the timeline exists).</summary>
    public bool Used { get { lock (_gate) return _seeds is not null; } }

    /// <summary>
    /// The case's seeds: pinned by the seeds step, else the run's (CHAOS_GEN_SEED / CHAOS_SCHED, derived
    /// per iteration under CHAOS_ITERATIONS). Fixed on first read.
    /// </summary>
    public CaseSeeds Seeds
    {
        get
        {
            // A frozen scenario derives its sub-seeds from the original case's id (its @replay-of tag), so it replays the original's draws.
            lock (_gate)
            {
                if (_seeds is null)
                {
                    _ = Leaks; // the leak baseline is taken before anything chaos starts, and nothing starts without the seeds
                    _seeds = (_pinned ?? ChaosRun.Current.Settings.Seeds.ForIteration(Run?.Iteration ?? 0)).For(ReplayTags.SeedIdentity(TestId, TestCase.Tags)) with { TestCaseId = TestId };
                }
                return _seeds;
            }
        }
    }

    /// <summary>The case's events, starting with its seeds; also written to the run's events.jsonl.</summary>
    public TestTimeline Timeline => _timeline.Value;

    /// <summary>Stops the scenario here and reports it skipped with the reason, through Reqnroll's unit test provider (a failure under CHAOS_STRICT=1).</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public void Skip(string reason)
    {
        Context.ScenarioContainer.Resolve<IUnitTestRuntimeProvider>().TestIgnore(reason);
        throw new InvalidOperationException($"the unit test provider did not stop the scenario; skip reason: {reason}");
    }

    /// <summary>
    /// Text for whoever reads a failure: it ends the failure message (under the bridge) and goes to the
    /// case's output, which reports keep as a log attachment.
    /// </summary>
    public void Report(string text)
    {
        Run?.AddFailureDetail(text);
        if (Context.ScenarioContainer.IsRegistered<IReqnrollOutputHelper>())
            Context.ScenarioContainer.Resolve<IReqnrollOutputHelper>().WriteLine(text);
    }

    /// <summary>Freeze pins both seeds in the scenario; they override the environment for this case only.</summary>
    public void PinSeeds(ulong genSeed, string scheduler)
    {
        var pinned = new ChaosSeeds(genSeed, SchedulerSpec.Parse(scheduler));
        lock (_gate)
        {
            if (_seeds is not null && _seeds.Run != pinned)
                throw new InvalidOperationException(
                    $"the chaos seeds step came after a step that already used the seeds ({_seeds.Run.GenSeed}/{_seeds.Run.Scheduler}); put it before every other chaos step");
            _pinned = pinned;
        }
    }

    /// <summary>
    /// A binding's client (a multiplexer, a connection pool) to dispose when the scenario ends: after its tasks,
    /// before the peers stop and the leak check, so its sockets are not counted as leaks. Last handed over, first disposed.
    /// </summary>
    internal void Own(object resource)
    {
        if (resource is not (IAsyncDisposable or IDisposable))
            throw new ArgumentException($"{resource.GetType().Name} is neither IAsyncDisposable nor IDisposable: nothing to dispose", nameof(resource));
        lock (_gate)
        {
            if (_ending is not null) throw new InvalidOperationException("the scenario has already ended; dispose the resource yourself");
            _owned.Add(resource);
        }
    }

    /// <summary>
    /// Ends the scenario's chaos once, within <see cref="TeardownLimits.ScenarioBudget"/>: tasks (cancelled first when
    /// <paramref name="abort"/>), the clients bindings handed over and the tasks' HTTP clients, then evil clients and
    /// servers under test, proxies and peers all at once, then the leak check on their ports; each stage gets what is
    /// left of the budget. Returns every problem found (orphan tasks, what did not stop in time, a server's process or
    /// folder left, leaked sockets, unobserved task exceptions); each is also an invariant event.
    /// </summary>
    public Task<IReadOnlyList<string>> EndAsync(bool abort)
    {
        lock (_gate) return _ending ??= EndOnceAsync(abort);
    }

    /// <summary>A fresh teardown budget, for a step that ends part of the scenario early (<c>Then no orphan tasks</c>).</summary>
    internal TeardownBudget StartTeardown() => new(TeardownLimits.ScenarioBudget, TimeProvider.System);

    private async Task<IReadOnlyList<string>> EndOnceAsync(bool abort)
    {
        var budget = StartTeardown();
        var problems = new List<string>();
        var orphans = await Tasks.EndAllAsync(abort, budget);
        problems.AddRange(orphans);
        problems.AddRange(await DisposeOwnedAsync(budget));
        // Before the peers stop and the leak check looks at their ports.
        if (await budget.WithinAsync(Http.CloseAllAsync(), "the tasks' HTTP clients") is { } http) problems.Add(http);
        Leaks.NoteSuspects();
        // Servers (their evil clients first), proxies and peers at once: a hung one costs what is left of the budget, not a turn each.
        var stops = new List<Task<IReadOnlyList<string>>>();
        if (_servers.IsValueCreated) stops.Add(budget.WithinAsync(_servers.Value.StopAllAsync(budget.Left), "the servers under test and evil clients"));
        if (_toxiproxies.IsValueCreated) stops.Add(budget.WithinAsync(Toxiproxies.StopAllAsync(budget.Left), "the Toxiproxy servers"));
        if (_peers.IsValueCreated) stops.Add(Peers.StopAllAsync(budget.Left));
        foreach (var stopped in await Task.WhenAll(stops)) problems.AddRange(stopped);
        // A forced collection costs more than a trivial scenario: only a case already failing pays it, so its report
        // is whole; a passing case's dropped faulted task is reported by the run's end (ChaosHooks.ReportUnobservedExceptions).
        var leaks = await Leaks.CheckAsync(null, budget.Bound(LeakChecker.DefaultGrace), collectGarbage: abort || problems.Count > 0);
        problems.AddRange(leaks.Leaks);
        if (Used)
        {
            Timeline.Record(ChaosEvent.Of(ChaosEventKinds.Invariant, "harness", ChaosEventNames.NoOrphans, ("ok", orphans.Count == 0)));
            Timeline.Record(ChaosEvent.Of(ChaosEventKinds.Invariant, "harness", ChaosEventNames.NoLeaks, ("ok", leaks.Clean), ("skipped", leaks.SkippedReason)));
        }
        return problems;
    }

    private async Task<IReadOnlyList<string>> DisposeOwnedAsync(TeardownBudget budget)
    {
        object[] owned;
        lock (_gate) owned = [.. Enumerable.Reverse(_owned)];
        var problems = new List<string>();
        foreach (var resource in owned)
        {
            var disposing = resource is IAsyncDisposable async ? async.DisposeAsync().AsTask() : Task.Run(((IDisposable)resource).Dispose);
            if (await budget.WithinAsync(disposing, resource.GetType().Name) is { } problem) problems.Add(problem);
        }
        return problems;
    }

    /// <summary>
    /// The safety net when no AfterScenario hook ended the chaos: Reqnroll stops running a scenario's after
    /// hooks at the first that fails, and its container disposes synchronously, so this waits, bounded.
    /// </summary>
    public void Dispose()
    {
        if (Used) // nothing starts without the seeds, so unused means nothing to end
            EndAsync(abort: true).Wait(DisposeBound);
    }

    /// <summary>Invariant events go to the timeline, created only when an invariant is actually checked.</summary>
    private sealed class LazySink(Lazy<TestTimeline> timeline) : IChaosEventSink
    {
        public void Record(ChaosEvent chaosEvent) => timeline.Value.Record(chaosEvent);
        public void RecordDecision(ChaosEvent chaosEvent) => timeline.Value.RecordDecision(chaosEvent);
    }
}
