namespace ChaosFeatures.Gherkin.Tests.Parsing;

public class FeatureSuitePathTests
{
    private const string Feature = "Feature: {0}\n  Scenario: s\n    Given a\n";

    [Fact]
    public void A_missing_path_is_an_error_not_a_smaller_run()
    {
        using var repo = new TempRepo().Write("features/a.feature", string.Format(Feature, "A"));

        var suite = repo.Load("features", "features/typo.feature");

        suite.TestCases.Should().ContainSingle();
        suite.Errors.Should().ContainSingle().Which.Should().Match<Model.FeatureLoadError>(e =>
            e.FeaturePath == "features/typo.feature" && e.Message.Contains("does not exist"));
    }

    [Fact]
    public void A_feature_knows_the_root_of_the_suite_it_was_loaded_in()
    {
        using var repo = new TempRepo().Write("features/io/a.feature", string.Format(Feature, "A"));

        var suite = repo.Load("features");

        suite.TestCases.Single().Feature.SuiteRoot.Should().Be(Path.GetFullPath(repo.Root));
        new Model.FeatureDescriptor("x", "x", "T", null, [], "en").SuiteRoot.Should().BeNull("a path that is not a suffix of the full path says nothing");
    }

    [Fact]
    public void A_directory_without_features_is_an_error()
    {
        using var repo = new TempRepo().Write("empty/readme.txt", "nothing here");

        repo.Load("empty").Errors.Should().ContainSingle().Which.Message.Should().Contain("contains no *.feature files");
    }

    [Fact]
    public void Directories_are_searched_recursively_and_features_come_out_in_ordinal_path_order()
    {
        using var repo = new TempRepo()
            .Write("features/b.feature", string.Format(Feature, "B"))
            .Write("features/io/z.feature", string.Format(Feature, "Z"))
            .Write("features/B.feature", string.Format(Feature, "Upper B"))
            .Write("features/a.feature", string.Format(Feature, "A"));

        var suite = repo.Load(repo.Root + "/features", "features/a.feature");

        suite.Errors.Should().BeEmpty();
        suite.Features.Select(f => f.Path).Should().Equal(
            "features/B.feature", "features/a.feature", "features/b.feature", "features/io/z.feature");
        suite.TestCases.Select(c => c.Id).Should().Equal(
            "features/B.feature:2", "features/a.feature:2", "features/b.feature:2", "features/io/z.feature:2");
    }

    [Fact]
    public void A_broken_file_does_not_hide_the_others()
    {
        using var repo = new TempRepo()
            .Write("features/good.feature", string.Format(Feature, "Good"))
            .Write("features/bad.feature", "Feature: Bad\n  Scenario: s\n    Given a\n  this is not gherkin\n");

        var suite = repo.Load();

        suite.TestCases.Should().ContainSingle().Which.Feature.Title.Should().Be("Good");
        suite.Errors.Should().ContainSingle().Which.FeaturePath.Should().Be("features/bad.feature");
    }
}
