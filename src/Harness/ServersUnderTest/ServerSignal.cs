namespace ChaosFeatures.Harness.ServersUnderTest;

/// <summary>The process faults a test sends a server under test, with their Linux numbers.</summary>
public enum ServerSignal
{
    Hangup = 1,
    Interrupt = 2,
    Quit = 3,
    Kill = 9,
    User1 = 10,
    User2 = 12,
    Terminate = 15,
    Continue = 18,
    Stop = 19,
}
