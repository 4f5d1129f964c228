using System.Security.Cryptography;
using System.Text;
using Gherkin.CucumberMessages;

namespace ChaosFeatures.Gherkin.Messages;

/// <summary>
/// Ids for one feature's AST nodes and pickle steps: a prefix from the feature path and a counter, so
/// they are unique across the features of a run and the same every time the feature is built
/// (runs of separate shards can be merged without renumbering).
/// </summary>
internal sealed class MessageIds(string featurePath) : IIdGenerator
{
    private readonly string _prefix = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(featurePath)))[..12] + "-";
    private int _next;

    public string GetNewId() => _prefix + _next++;

    public void Reset() => _next = 0;
}
