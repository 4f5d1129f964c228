namespace ChaosFeatures.EvilPeer.Validation;

/// <summary>
/// Collects option errors so a caller hears about all of them together (Polly's habit), then
/// throws one <see cref="OptionsValidationException"/>.
/// </summary>
public sealed class Validator(string subject)
{
    private readonly List<string> _errors = [];

    public Validator Range(string field, long value, long min, long max, string unit = "")
    {
        if (value < min || value > max)
            _errors.Add($"{field}: {value} is out of range {min}..{max}{Unit(unit)}");
        return this;
    }

    public Validator Range(string field, double value, double min, double max, string unit = "")
    {
        if (double.IsNaN(value) || value < min || value > max)
            _errors.Add($"{field}: {value} is out of range {min}..{max}{Unit(unit)}");
        return this;
    }

    public Validator Require(bool condition, string field, string message)
    {
        if (!condition) _errors.Add($"{field}: {message}");
        return this;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0) throw new OptionsValidationException(subject, _errors.ToArray());
    }

    private static string Unit(string unit) => unit.Length == 0 ? "" : " " + unit;
}
