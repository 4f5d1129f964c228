using ChaosFeatures.Harness.Invariants;
using ChaosFeatures.Harness.Scheduling;
using ChaosFeatures.Harness.Seeds;

namespace ChaosFeatures.Harness.Tests.Scheduling;

public sealed class ScenarioSchedulerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>Three tasks that each log and yield three times, started together by a root task so the workload is deterministic.</summary>
    private static async Task<(string Order, string Picks)> RunInterleaving(string sched)
    {
        var log = new List<string>();
        var picks = new List<SchedulerDecision>();
        using var scheduler = new ScenarioScheduler(SchedulerSpec.Parse(sched), 1234, picks.Add);
        scheduler.Start("main", _ =>
        {
            foreach (var name in new[] { "A", "B", "C" })
                scheduler.Start(name, async _ =>
                {
                    for (var i = 0; i < 3; i++) { log.Add($"{name}{i}"); await Task.Yield(); }
                });
            return Task.CompletedTask;
        });
        await scheduler.WaitAsync("main", Bound);
        await scheduler.WaitAllAsync(Bound);
        scheduler.CheckNoOrphans();
        return (string.Join(" ", log), string.Join(" ", picks.Select(p => $"{p.Task}/{p.Index}")));
    }

    [Fact]
    public async Task Fifo_runs_ready_continuations_in_queue_order()
    {
        var (order, _) = await RunInterleaving("fifo");
        order.Should().Be("A0 B0 C0 A1 B1 C1 A2 B2 C2");
    }

    [Theory]
    [InlineData("random:1")]
    [InlineData("pct:1:3")]
    public async Task Seeded_policies_repeat_the_same_picks(string sched)
    {
        var first = await RunInterleaving(sched);
        (await RunInterleaving(sched)).Should().Be(first);
    }

    [Fact]
    public async Task Random_seeds_explore_other_interleavings_than_fifo()
    {
        var (fifo, _) = await RunInterleaving("fifo");
        var orders = new HashSet<string>();
        for (var seed = 1; seed <= 8; seed++) orders.Add((await RunInterleaving($"random:{seed}")).Order);
        orders.Should().Contain(o => o != fifo);
        orders.Should().OnlyContain(o => o.Split(' ').Order().SequenceEqual(fifo.Split(' ').Order()));
    }

    [Fact]
    public async Task Continuations_after_pool_completions_come_back_to_the_pump()
    {
        // The pump borrows a pool thread while anything is ready, so the thread may differ between drains; what holds
        // is that every piece of the task runs inside the pump, in the task's own context.
        using var scheduler = new ScenarioScheduler(SchedulerSpec.Fifo, 0);
        var onPump = new List<bool>();
        SynchronizationContext? first = null;
        var sameContext = new List<bool>();
        scheduler.Start("C", async ct =>
        {
            first = SynchronizationContext.Current;
            onPump.Add(scheduler.IsPumpThread);
            await Task.Delay(20, ct);
            onPump.Add(scheduler.IsPumpThread);
            sameContext.Add(ReferenceEquals(SynchronizationContext.Current, first));
            await Task.Run(() => Thread.Sleep(5), ct);
            onPump.Add(scheduler.IsPumpThread);
            sameContext.Add(ReferenceEquals(SynchronizationContext.Current, first));
        });
        (await scheduler.WaitAsync("C", Bound)).Should().Be(ScenarioTaskStatus.Completed);
        first.Should().NotBeNull("a scenario task runs in its lane's context");
        onPump.Should().Equal(true, true, true);
        sameContext.Should().Equal(true, true);
    }

    [Fact]
    public async Task Scenario_code_never_runs_on_two_threads_at_once()
    {
        using var scheduler = new ScenarioScheduler(SchedulerSpec.Parse("random:5"), 5);
        int inside = 0, most = 0;
        async Task Body(CancellationToken ct)
        {
            for (int i = 0; i < 200; i++)
            {
                int now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                Thread.SpinWait(20_000); // long enough that a second thread running scenario code would overlap
                Interlocked.Decrement(ref inside);
                if (i % 3 == 0) await Task.Run(() => { }, ct); // a completion from the pool
                else await Task.Yield();
            }
        }
        foreach (var name in new[] { "A", "B", "C", "D" }) scheduler.Start(name, Body);
        (await scheduler.WaitAllAsync(Bound)).Values.Should().AllBeEquivalentTo(ScenarioTaskStatus.Completed);
        most.Should().Be(1);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (int seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
    }

    [Fact]
    public async Task A_killer_task_cancels_a_running_task()
    {
        using var scheduler = new ScenarioScheduler(SchedulerSpec.Fifo, 0);
        scheduler.Start("C", ct => Task.Delay(Timeout.Infinite, ct));
        scheduler.Start("K", async ct => { await Task.Delay(30, ct); scheduler.Cancel("C"); });
        var statuses = await scheduler.WaitAllAsync(Bound);
        statuses.Should().Equal(new Dictionary<string, ScenarioTaskStatus> { ["C"] = ScenarioTaskStatus.Cancelled, ["K"] = ScenarioTaskStatus.Completed });
        scheduler.CheckNoOrphans();
    }

    [Fact]
    public async Task Orphans_are_named_with_faults_and_their_exceptions()
    {
        using var scheduler = new ScenarioScheduler(SchedulerSpec.Fifo, 0);
        scheduler.Start("C", ct => Task.Delay(Timeout.Infinite, ct));
        scheduler.Start("F", async _ => { await Task.Yield(); throw new InvalidOperationException("boom"); });
        scheduler.Start("OK", _ => Task.CompletedTask);
        (await scheduler.WaitAsync("F", Bound)).Should().Be(ScenarioTaskStatus.Faulted);
        await scheduler.WaitAsync("OK", Bound);

        scheduler.FindOrphans().Should().BeEquivalentTo("task 'C' is still running", "task 'F' faulted: InvalidOperationException: boom");
        FluentActions.Invoking(scheduler.CheckNoOrphans).Should().Throw<ChaosAssertionException>()
            .WithMessage("*'C'*still running*'F'*boom*");
    }

    [Fact]
    public async Task Waits_are_bounded_and_name_the_task()
    {
        using var scheduler = new ScenarioScheduler(SchedulerSpec.Fifo, 0);
        scheduler.Start("C", ct => Task.Delay(Timeout.Infinite, ct));
        await FluentActions.Awaiting(() => scheduler.WaitAsync("C", TimeSpan.FromMilliseconds(50)))
            .Should().ThrowAsync<TimeoutException>().WithMessage("scenario task 'C' still running after 50 ms");
        await FluentActions.Awaiting(() => scheduler.WaitAllAsync(TimeSpan.FromMilliseconds(50)))
            .Should().ThrowAsync<TimeoutException>().WithMessage("*'C'*");
        FluentActions.Invoking(() => scheduler.StatusOf("X")).Should().Throw<ArgumentException>().WithMessage("no scenario task 'X'; known: C*");
        FluentActions.Invoking(() => scheduler.Start("C", _ => Task.CompletedTask)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task Dispose_cancels_leftovers_and_stops_the_pump()
    {
        var scheduler = new ScenarioScheduler(SchedulerSpec.Parse("random:3"), 3);
        var unwound = new TaskCompletionSource();
        scheduler.Start("C", async ct =>
        {
            try { await Task.Delay(Timeout.Infinite, ct); }
            finally { unwound.SetResult(); }
        });
        await Task.Delay(20);
        scheduler.PumpAlive.Should().BeTrue();
        scheduler.Dispose();
        scheduler.PumpAlive.Should().BeFalse();
        unwound.Task.IsCompleted.Should().BeTrue("the cancelled task unwinds before Dispose returns");
        scheduler.StatusOf("C").Should().Be(ScenarioTaskStatus.Cancelled);
        FluentActions.Invoking(() => scheduler.Start("D", _ => Task.CompletedTask)).Should().Throw<ObjectDisposedException>();
    }
}
