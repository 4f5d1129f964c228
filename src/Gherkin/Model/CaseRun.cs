namespace ChaosFeatures.Gherkin.Model;

/// <summary>
/// One run of an expanded case, registered by the bridge in the scenario's Reqnroll container, so bindings
/// can inject it: which case this is (its id, mutation choices and fuzzed values), which iteration, which
/// step is running or failed, and a token the watchdog cancels when it cuts the case. Text given to
/// <see cref="AddFailureDetail"/> ends the failure message if the case fails. A binding assembly used in a
/// Reqnroll project without this bridge finds no <see cref="CaseRun"/> registered and must cope.
/// </summary>
public sealed class CaseRun
{
    private readonly List<string> _failureDetails = [];
    private readonly List<string> _output = [];
    private readonly CancellationTokenSource _cut;
    private string? _timeout;
    private CaseStep? _currentStep;

    internal CaseRun(TestCase testCase, int iteration, CancellationTokenSource cut)
    {
        Case = testCase;
        Iteration = iteration;
        _cut = cut;
    }

    public TestCase Case { get; }

    /// <summary>0-based run of this case under <c>CHAOS_ITERATIONS</c>; each iteration derives its own seeds from it.</summary>
    public int Iteration { get; }

    /// <summary>Cancelled when the watchdog cuts the case at its timeout (Reqnroll gives steps no token of its own).</summary>
    public CancellationToken Cancellation => _cut.Token;

    /// <summary>Why the watchdog cut the case (naming the step it hung in), or null.</summary>
    public string? TimeoutMessage => Volatile.Read(ref _timeout);

    public bool TimedOut => TimeoutMessage is not null;

    /// <summary>The step running now; null before the first step and after the last.</summary>
    public CaseStep? CurrentStep => Volatile.Read(ref _currentStep);

    /// <summary>The step the case failed in (the first after which Reqnroll's status was not OK, or the one it hung in); null when it failed outside its steps.</summary>
    public CaseStep? FailingStep { get; private set; }

    public void AddFailureDetail(string detail)
    {
        lock (_failureDetails)
            _failureDetails.Add(detail);
    }

    internal IReadOnlyList<string> FailureDetails()
    {
        lock (_failureDetails)
            return [.. _failureDetails];
    }

    internal void AddOutput(string line)
    {
        lock (_output)
            _output.Add(line);
    }

    internal IReadOnlyList<string> Output()
    {
        lock (_output)
            return [.. _output];
    }

    internal void Entering(CaseStep? step) => Volatile.Write(ref _currentStep, step);

    internal void FailedIn(CaseStep step) => FailingStep ??= step;

    /// <summary>The watchdog's verdict: remembers where the case hung and cancels <see cref="Cancellation"/>.</summary>
    internal void Cut(string message)
    {
        if (CurrentStep is { } hung)
            FailedIn(hung);
        Volatile.Write(ref _timeout, message);
        _cut.Cancel();
    }
}
