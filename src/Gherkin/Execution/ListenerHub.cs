namespace ChaosFeatures.Gherkin.Execution;

/// <summary>Fans events out to listeners; a throwing listener is ignored so reporting never breaks a run.</summary>
internal sealed class ListenerHub(IReadOnlyList<ITestExecutionListener> listeners)
{
    public void Notify(Action<ITestExecutionListener> notify)
    {
        foreach (var listener in listeners)
        {
            try
            {
                notify(listener);
            }
            catch (Exception)
            {
                // Deliberately swallowed: a broken reporter must not turn into test failures.
            }
        }
    }
}
