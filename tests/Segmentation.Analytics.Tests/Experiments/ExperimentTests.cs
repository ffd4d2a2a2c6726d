
namespace Segmentation.Analytics.Tests.Experiments;

public class ExperimentTests
{
    // The published test vectors: holdout 10% then control/treatment 1:1, i.e. buckets
    // [0, 1000) holdout, [1000, 5500) control, [5500, 10000) treatment.
    public static TheoryData<string, string, int, string> Vectors => new()
    {
        { "checkout-2024", "user-1", 690, "holdout" },
        { "checkout-2024", "user-2", 6078, "treatment" },
        { "checkout-2024", "user-3", 4863, "control" },
        { "checkout-2024", "42", 3094, "control" },
        { "pricing-v2", "alice@example.com", 3162, "control" },
        { "pricing-v2", "bob", 6190, "treatment" },
        { "pricing-v2", "", 2796, "control" },
        { "", "user-1", 821, "holdout" },
        { "émoji-ß", "Zoë 🎧", 8131, "treatment" },
        { "onboarding", "0001", 2682, "control" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Bucket_PublishedVectors_MatchSha256Definition(string salt, string profileId, int bucket, string variant)
    {
        var experiment = new Experiment(salt, [new("control", 1), new("treatment", 1)], holdoutBasisPoints: 1000);

        var actualBucket = Experiment.Bucket(salt, profileId);
        var actualVariant = experiment.Assign(profileId);

        actualBucket.Should().Be(bucket);
        actualVariant.Should().Be(variant);
    }

    [Fact]
    public void VariantOfBucket_BasisPointWeights_SplitsAtCumulativeBounds()
    {
        var experiment = new Experiment("s", [new("a", 5000), new("b", 3000), new("c", 2000)]);

        var names = new[] { 0, 4999, 5000, 7999, 8000, 9999 }.Select(experiment.VariantOfBucket);

        names.Should().Equal("a", "a", "b", "b", "c", "c");
    }

    [Fact]
    public void VariantOfBucket_HoldoutTakenFirst_RestSplitByRelativeWeights()
    {
        var experiment = new Experiment("s", [new("a", 1), new("b", 2)], holdoutBasisPoints: 1000, holdoutName: "none");

        var names = new[] { 0, 999, 1000, 3999, 4000, 9999 }.Select(experiment.VariantOfBucket);

        names.Should().Equal("none", "none", "a", "a", "b", "b");
    }

    [Fact]
    public void Assign_100kProfiles_SharesWithinOnePointOfWeights()
    {
        var experiment = new Experiment("distribution", [new("a", 1), new("b", 2)], holdoutBasisPoints: 1000);

        var shares = Enumerable.Range(0, 100_000)
            .GroupBy(i => experiment.Assign("profile-" + i))
            .ToDictionary(g => g.Key, g => g.Count() / 100_000.0);

        shares["holdout"].Should().BeApproximately(0.10, 0.01);
        shares["a"].Should().BeApproximately(0.30, 0.01);
        shares["b"].Should().BeApproximately(0.60, 0.01);
    }

    [Fact]
    public void Assign_SameIdTwice_IsStable()
    {
        var first = new Experiment("salt", [new("x", 1), new("y", 1), new("z", 1)]);
        var second = new Experiment("salt", [new("x", 1), new("y", 1), new("z", 1)]);

        var ids = Enumerable.Range(0, 100).Select(i => "id" + i).ToArray();

        ids.Select(first.Assign).Should().Equal(ids.Select(second.Assign));
    }

    [Fact]
    public void Constructor_ZeroWeight_ThrowsNamingVariant()
    {
        var act = () => new Experiment("s", [new("a", 1), new("b", 0)]);

        act.Should().Throw<ArgumentException>().WithMessage("Variant 'b' has weight 0; weights must be positive.*");
    }

    [Fact]
    public void Constructor_NoVariants_Throws()
    {
        var act = () => new Experiment("s", []);

        act.Should().Throw<ArgumentException>().WithMessage("An experiment needs at least one variant.*");
    }

    [Fact]
    public void Constructor_VariantNamedLikeHoldout_Throws()
    {
        var act = () => new Experiment("s", [new("holdout", 1)], holdoutBasisPoints: 500);

        act.Should().Throw<ArgumentException>().WithMessage("Variant name 'holdout' is repeated or equals the holdout name.*");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_000)]
    public void Constructor_HoldoutOutOfRange_Throws(int holdout)
    {
        var act = () => new Experiment("s", [new("a", 1)], holdout);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
