namespace ChaosFeatures.EvilPeer.Http;

/// <summary>
/// An HTTP peer's responses: the first rule that matches a request wins, else <see cref="Default"/>.
/// </summary>
public sealed record HttpScript
{
    /// <param name="default">For requests no rule matches; default 200 with an empty body.</param>
    /// <param name="rules">In order; the first match wins.</param>
    public HttpScript(HttpResponsePlan? @default = null, IReadOnlyList<HttpRule>? rules = null)
    {
        Default = @default ?? new HttpResponsePlan();
        Rules = rules ?? [];
    }

    public HttpResponsePlan Default { get; }
    public IReadOnlyList<HttpRule> Rules { get; }

    /// <summary>The plan for request <paramref name="requestNumber"/> (1-based) to <paramref name="path"/>.</summary>
    public HttpResponsePlan ResponseFor(long requestNumber, string path)
    {
        foreach (HttpRule rule in Rules)
            if (rule.Matches(requestNumber, path)) return rule.Response;
        return Default;
    }

    /// <summary>Every request gets <paramref name="response"/>.</summary>
    public static HttpScript Always(HttpResponsePlan response) => new(response);

    /// <summary>Requests 1..<paramref name="count"/> get <paramref name="failure"/>, the rest <paramref name="then"/>.</summary>
    /// <exception cref="Validation.OptionsValidationException"><paramref name="count"/> is negative.</exception>
    public static HttpScript FailFirst(int count, HttpResponsePlan failure, HttpResponsePlan then)
    {
        new Validation.Validator("http script").Range("http.failFirst", count, 0, int.MaxValue, "requests").ThrowIfAny();
        return count == 0 ? new(then) : new(then, [new HttpRule(failure, 1, count)]);
    }
}
