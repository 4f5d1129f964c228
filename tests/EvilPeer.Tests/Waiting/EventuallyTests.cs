using ChaosFeatures.EvilPeer.Waiting;
using Microsoft.Extensions.Time.Testing;

namespace ChaosFeatures.EvilPeer.Tests.Waiting;

/// <summary>The one poll, on virtual time: when it checks, what it answers at the bound, and that it never waits unbounded.</summary>
public sealed class EventuallyTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_condition_that_holds_is_answered_at_once_without_a_timer()
    {
        Task<bool> wait = Eventually.UntilAsync(() => true, TimeSpan.FromDays(1), _time, CancellationToken.None);

        wait.IsCompletedSuccessfully.Should().BeTrue("nothing to wait for");
        (await wait).Should().BeTrue();
    }

    [Fact]
    public async Task It_checks_after_every_pause_and_a_last_time_at_the_bound()
    {
        var checks = new Checks(_time);
        Task<bool> wait = Eventually.UntilAsync(checks.Never, Ms(12), _time, CancellationToken.None, pollEvery: Ms(5));

        (await checks.DriveAsync(wait)).Should().BeFalse();

        checks.At.Should().Equal(Ms(0), Ms(5), Ms(10), Ms(12));
    }

    [Fact]
    public async Task A_condition_that_holds_at_the_bound_is_not_reported_false()
    {
        var checks = new Checks(_time);
        Task<bool> wait = Eventually.UntilAsync(() => checks.Never() || _time.GetUtcNow() >= checks.Start + Ms(20),
            Ms(20), _time, CancellationToken.None, pollEvery: Ms(5));

        (await checks.DriveAsync(wait)).Should().BeTrue();
        checks.At.Last().Should().Be(Ms(20));
    }

    [Fact]
    public async Task Backing_off_doubles_the_pause_up_to_its_longest_and_never_past_the_bound()
    {
        var checks = new Checks(_time);
        Task<bool> wait = Eventually.UntilAsync(checks.Never, Ms(20), _time, CancellationToken.None,
            pollEvery: Ms(1), backOffTo: Ms(4));

        (await checks.DriveAsync(wait)).Should().BeFalse();

        checks.At.Should().Equal(Ms(0), Ms(1), Ms(3), Ms(7), Ms(11), Ms(15), Ms(19), Ms(20));
    }

    [Fact]
    public async Task A_probe_that_hangs_is_cut_off_at_the_bound()
    {
        Task<bool> wait = Eventually.UntilAsync(async ct =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct); // a connect that never completes
            return true;
        }, Ms(50), _time, CancellationToken.None);

        _time.Advance(Ms(49));
        wait.IsCompleted.Should().BeFalse("the bound has 1 ms to go");
        _time.Advance(Ms(1));

        (await wait.WaitAsync(TimeSpan.FromSeconds(5))).Should().BeFalse();
    }

    [Fact]
    public async Task Cancellation_is_not_a_verdict()
    {
        using var cancel = new CancellationTokenSource();
        Task<bool> wait = Eventually.UntilAsync(() => false, TimeSpan.FromDays(1), _time, cancel.Token);

        cancel.Cancel();

        await wait.Invoking(w => w.WaitAsync(TimeSpan.FromSeconds(5))).Should().ThrowAsync<OperationCanceledException>();
    }

    /// <summary>Records the virtual time of each check and moves the clock 1 ms at a time once the poll is parked on its timer.</summary>
    private sealed class Checks(FakeTimeProvider time)
    {
        private readonly List<TimeSpan> _at = [];
        private readonly SemaphoreSlim _checked = new(0);

        public DateTimeOffset Start { get; } = time.GetUtcNow();

        public IReadOnlyList<TimeSpan> At { get { lock (_at) return [.. _at]; } }

        public bool Never()
        {
            lock (_at) _at.Add(time.GetUtcNow() - Start);
            _checked.Release();
            return false;
        }

        /// <summary>
        /// Moves the clock until the wait ends (at most 1,000 ms of virtual time). After each move that fired the poll's
        /// timer it waits (bounded, real time) for the check that follows, so the next move never races the poll.
        /// </summary>
        public async Task<bool> DriveAsync(Task<bool> wait)
        {
            (await _checked.WaitAsync(TimeSpan.FromSeconds(5))).Should().BeTrue("the first check is at once");
            for (int ms = 0; ms < 1_000 && !wait.IsCompleted; ms++)
            {
                time.Advance(Ms(1));
                if (await Task.WhenAny(wait, _checked.WaitAsync(TimeSpan.FromMilliseconds(20))) == wait) break;
            }
            return await wait.WaitAsync(TimeSpan.FromSeconds(5));
        }
    }
}
