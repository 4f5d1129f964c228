using Reqnroll.Analytics;

namespace ChaosFeatures.Gherkin.Reqnroll;

/// <summary>
/// The suite runs offline: Reqnroll's usage telemetry (an HTTP call at test-run start, on unless the variable
/// says otherwise) is sent only when the user asks for it with <c>REQNROLL_TELEMETRY_ENABLED=1</c>.
/// </summary>
internal sealed class OptInTelemetry : IEnvironmentReqnrollTelemetryChecker
{
    public bool IsReqnrollTelemetryEnabled() =>
        Environment.GetEnvironmentVariable(EnvironmentReqnrollTelemetryChecker.ReqnrollTelemetryEnvironmentVariable) == "1";
}
