using Reqnroll;

namespace ChaosFeatures.Gherkin.Running;

/// <summary>How an exception reads in a failure message: Reqnroll's own errors by their message (it says it all), others with their type.</summary>
internal static class ErrorText
{
    public static string Of(Exception e) => e is ReqnrollException ? e.Message : $"{e.GetType().Name}: {e.Message}";
}
