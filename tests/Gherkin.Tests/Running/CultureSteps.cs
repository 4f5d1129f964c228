using System.Globalization;
using Reqnroll;

namespace ChaosFeatures.Gherkin.Tests.Running;

/// <summary>What a binding sees of its feature's culture, for <see cref="CultureTests"/>.</summary>
[Binding]
public sealed class CultureSteps(FeatureContext feature)
{
    [Then("the feature's culture is {string} and so is the binding's")]
    [Then("die Kultur des Features ist {string} und die der Bindung auch")]
    public void CultureIs(string name)
    {
        if (feature.FeatureInfo.Language.Name != name || CultureInfo.CurrentCulture.Name != name)
            throw new InvalidOperationException($"feature culture '{feature.FeatureInfo.Language.Name}', binding culture '{CultureInfo.CurrentCulture.Name}', expected '{name}'");
    }
}
