namespace ChaosFeatures.Harness.Faults;

/// <summary>The error a <see cref="FaultMode.ReturnError"/> stream throws, shaped like the real one (socket errors wrapped in IOException as NetworkStream does).</summary>
public enum FaultErrorKind { Io, ConnectionReset, ConnectionAborted, BrokenPipe, TimedOut }
