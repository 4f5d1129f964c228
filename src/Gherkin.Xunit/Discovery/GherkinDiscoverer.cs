using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Xunit.Execution;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChaosFeatures.Gherkin.Xunit.Discovery;

/// <summary>
/// Expands the features named by <see cref="GherkinFeaturesAttribute"/> into one xUnit test case
/// per Gherkin test case. Each feature gets its own test collection, so xUnit runs features in
/// parallel and the scenarios of one feature serially. Under <c>CHAOS_SHARD=k/N</c> only the cases (and
/// feature errors) of shard k are discovered, so listing and execution agree. Anything that goes wrong here
/// becomes a failing test, never an exception that hides tests; a suite that cannot load fails in every shard.
/// </summary>
public sealed class GherkinDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var options = discoveryOptions.MethodDisplayOptionsOrDefault();
        var paths = factAttribute.GetConstructorArguments().OfType<string[]>().FirstOrDefault() is { Length: > 0 } given
            ? given
            : ["features"];
        var assembly = testMethod.TestClass.Class.ToRuntimeType().Assembly;

        SuiteSession session;
        string? root = null;
        try
        {
            root = SuiteRoot.Locate(Path.GetDirectoryName(assembly.Location) ?? AppContext.BaseDirectory);
            session = SuiteSession.For(assembly, root, paths);
        }
        catch (Exception e) when (e is ConfigurationException or IOException or UnauthorizedAccessException)
        {
            var tags = root is null ? [] : SalvagedTags.OfSuite(root, paths);
            return [new FeatureErrorTestCase(diagnosticMessageSink, display, options, testMethod, "suite", e.Message, tags)];
        }

        if (session.ShardError is { } shardError)
        {
            // Every tag of the suite, so that the run fails under whatever Category filter it was started with.
            var everyTag = session.Suite.TestCases.SelectMany(c => c.Tags).Distinct(StringComparer.Ordinal).ToList();
            return [new FeatureErrorTestCase(diagnosticMessageSink, display, options, testMethod, "suite", shardError, everyTag)];
        }

        var collections = new Dictionary<string, ITestMethod>(StringComparer.Ordinal);
        ITestMethod MethodFor(string featurePath)
        {
            if (collections.TryGetValue(featurePath, out var method)) return method;
            var collection = new TestCollection(testMethod.TestClass.TestCollection.TestAssembly, null, $"Feature {featurePath}");
            method = new TestMethod(new TestClass(collection, testMethod.TestClass.Class), testMethod.Method);
            collections[featurePath] = method;
            return method;
        }

        var cases = new List<IXunitTestCase>();
        foreach (var error in session.Suite.Errors.Where(e => session.Shard.HoldsFeatureError(e.FeaturePath)))
        {
            var tags = SalvagedTags.Read(Path.Combine(root, error.FeaturePath));
            cases.Add(new FeatureErrorTestCase(diagnosticMessageSink, display, options, MethodFor(error.FeaturePath),
                $"{error.FeaturePath}({error.Line},{error.Column})", error.Message, tags));
        }
        foreach (var testCase in session.Suite.TestCases.Where(c => session.Shard.Holds(c.Id)))
        {
            cases.Add(new GherkinTestCase(diagnosticMessageSink, display, options, MethodFor(testCase.Feature.Path), root, paths, testCase));
        }
        return cases;
    }
}
