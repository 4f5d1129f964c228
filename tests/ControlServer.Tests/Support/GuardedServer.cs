using System.Diagnostics;

namespace ChaosFeatures.Control.Tests.Support;

/// <summary>
/// A server program run for one test behind a shell guard: the guard kills it when our stdin pipe
/// to the guard closes, which happens on dispose and also when the test host dies, so no server
/// outlives its test. Its output is drained; the first line is kept.
/// </summary>
public sealed class GuardedServer : IAsyncDisposable
{
    private const string Guard = "exec 3<&0; \"$0\" \"$@\" </dev/null & s=$!; { read -r _ <&3; kill $s; } >/dev/null 2>&1 & wait $s";
    private readonly Process _guard;
    private readonly Task<string> _rest;
    private readonly Task<string> _errors;

    private GuardedServer(Process guard, string? firstLine)
    {
        _guard = guard;
        FirstLine = firstLine;
        _rest = guard.StandardOutput.ReadToEndAsync();
        _errors = guard.StandardError.ReadToEndAsync();
    }

    public string? FirstLine { get; }

    public bool HasExited => _guard.HasExited;

    /// <param name="firstLine">Wait for the first stdout line (evilpeer prints its URL); Toxiproxy logs instead, so wait with <see cref="WaitUntilServingAsync"/>.</param>
    public static async Task<GuardedServer> StartAsync(bool firstLine, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])["-c", Guard, program, .. arguments]) start.ArgumentList.Add(argument);
        Process guard = Process.Start(start) ?? throw new InvalidOperationException("/bin/sh did not start");
        string? first = null;
        if (firstLine)
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            first = await guard.StandardOutput.ReadLineAsync(bound.Token);
        }
        return new GuardedServer(guard, first);
    }

    /// <summary>Polls <c>GET /version</c> until it answers (bounded); for servers whose first line is not a readiness signal.</summary>
    public static async Task WaitUntilServingAsync(ApiClient api)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await api.GetAsync("/version")).Status == 200) return;
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _guard.StandardInput.Close();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _guard.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            _guard.Kill(entireProcessTree: true);
            await _guard.WaitForExitAsync();
        }
        await Task.WhenAll(_rest, _errors);
        _guard.Dispose();
    }
}
