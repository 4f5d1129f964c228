namespace ChaosFeatures.Harness.Payloads;

/// <summary>One fake customer order, as a client that parses what it reads would meet it.</summary>
public sealed record FakeRecord(int Id, Guid OrderId, string Name, string Email, string City, string Country, decimal Amount, DateTime CreatedAt);
