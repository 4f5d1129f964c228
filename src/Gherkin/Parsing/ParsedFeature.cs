using ChaosFeatures.Gherkin.Model;
using Gherkin;
using Gherkin.Ast;

namespace ChaosFeatures.Gherkin.Parsing;

/// <summary>A feature file that parsed cleanly: its text, its AST and the dialect its keywords are in.</summary>
internal sealed record ParsedFeature(FeatureDescriptor Descriptor, string Source, GherkinDocument Document, GherkinDialect Dialect)
{
    public string Path => Descriptor.Path;
    public Feature Feature => Document.Feature;
}
