using ChaosFeatures.Control.Model;

namespace ChaosFeatures.Control.Api;

/// <summary>One element of a <c>/populate</c> array: the proxy, and the toxics it declares (which Toxiproxy ignores).</summary>
internal sealed record PopulateItem(ProxyInput Proxy, IReadOnlyList<ApiToxic> Toxics);
