using ChaosFeatures.Gherkin.Configuration;
using ChaosFeatures.Gherkin.Xunit.Execution;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChaosFeatures.Gherkin.Xunit.Discovery;

/// <summary>
/// Expands the features named by <see cref="GherkinFeaturesAttribute"/> into one xUnit test case
/// per Gherkin test case. Each feature gets its own test collection, so xUnit runs features in
/// parallel and the scenarios of one feature serially. Anything that goes wrong here becomes a
/// failing test, never an exception that hides tests.
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
        string root;
        try
        {
            root = SuiteRoot.Locate(Path.GetDirectoryName(assembly.Location) ?? AppContext.BaseDirectory);
            session = SuiteSession.For(assembly, root, paths);
        }
        catch (Exception e) when (e is ConfigurationException or IOException or UnauthorizedAccessException)
        {
            return [new FeatureErrorTestCase(diagnosticMessageSink, display, options, testMethod, "suite", e.Message, [])];
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
        foreach (var error in session.Suite.Errors)
        {
            var tags = SalvagedTags.Read(Path.Combine(root, error.FeaturePath));
            cases.Add(new FeatureErrorTestCase(diagnosticMessageSink, display, options, MethodFor(error.FeaturePath),
                $"{error.FeaturePath}({error.Line},{error.Column})", error.Message, tags));
        }
        foreach (var testCase in session.Suite.TestCases)
        {
            cases.Add(new GherkinTestCase(diagnosticMessageSink, display, options, MethodFor(testCase.Feature.Path), root, paths, testCase));
        }
        return cases;
    }
}
