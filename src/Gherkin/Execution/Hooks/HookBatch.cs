using ChaosFeatures.Gherkin.Bindings;

namespace ChaosFeatures.Gherkin.Execution.Hooks;

/// <summary>Runs test-run or feature hooks in order, on the watchdog, and reports failures as text.</summary>
internal static class HookBatch
{
    /// <param name="stopAtFirstFailure">True for before-hooks (the rest is pointless), false for cleanup hooks.</param>
    public static async Task<IReadOnlyList<string>> RunAsync(
        IReadOnlyList<HookBinding> hooks, IBindingInstances arguments, TimeSpan bound, bool stopAtFirstFailure)
    {
        if (hooks.Count == 0)
            return [];
        var errors = new List<string>();
        var current = "";
        var body = Watchdog.StartDedicated(async () =>
        {
            foreach (var hook in hooks)
            {
                Volatile.Write(ref current, hook.Info.ToString());
                try
                {
                    await hook.InvokeAsync(arguments).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    lock (errors)
                        errors.Add($"[{hook.Info}] failed: {e.GetType().Name}: {e.Message}");
                    if (stopAtFirstFailure)
                        return;
                }
            }
        });
        var completed = await Watchdog.CompletesWithinAsync(body, bound).ConfigureAwait(false);
        lock (errors)
        {
            if (!completed)
                errors.Add($"[{Volatile.Read(ref current)}] did not finish within {bound.TotalSeconds:0.###} s; its thread was abandoned.");
            return [.. errors];
        }
    }
}
