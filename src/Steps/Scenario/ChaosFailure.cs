using ChaosFeatures.Gherkin.Model;
using ChaosFeatures.Harness.Seeds;

namespace ChaosFeatures.Steps.Scenario;

/// <summary>
/// A failed chaos test case, as a replay descriptor writer needs it.
/// </summary>
/// <param name="TestCase">The case: feature path, scenario line, Examples row, mutation choices, fuzzed values.</param>
/// <param name="Seeds">The seeds it ran with (pinned or from the environment).</param>
/// <param name="DecisionHash">SHA-256 over the decisions of its timeline, so a replay can tell when it drifted.</param>
/// <param name="ErrorType">Type name of the first error (a step's, or <c>ChaosAssertionException</c> for an end-of-scenario check).</param>
/// <param name="ErrorMessage">Its message.</param>
/// <param name="EndProblems">Orphan tasks, leaked sockets and the like found after the steps.</param>
/// <param name="Timeline">The rendered, bounded timeline.</param>
public sealed record ChaosFailure(
    TestCase TestCase,
    CaseSeeds Seeds,
    string DecisionHash,
    string ErrorType,
    string ErrorMessage,
    IReadOnlyList<string> EndProblems,
    string Timeline);
