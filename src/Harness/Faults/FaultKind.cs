namespace ChaosFeatures.Harness.Faults;

public enum FaultKind { Healthy, FailEveryNth, FailAfterN, Timeout, PartialRead, ReturnError, Corrupt }
