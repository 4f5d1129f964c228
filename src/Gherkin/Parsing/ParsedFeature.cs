using ChaosFeatures.Gherkin.Model;
using Gherkin.Ast;

namespace ChaosFeatures.Gherkin.Parsing;

/// <summary>A feature file that parsed cleanly: its text and its AST.</summary>
internal sealed record ParsedFeature(FeatureDescriptor Descriptor, string Source, GherkinDocument Document)
{
    public string Path => Descriptor.Path;
    public Feature Feature => Document.Feature;
}
