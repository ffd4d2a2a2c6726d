using Segmentation.Analytics.Starter;
using static Segmentation.Analytics.Tests.Starter.StarterFixture;

namespace Segmentation.Analytics.Tests.Starter;

public class StarterAttributeTests
{
    private static readonly StarterOptions WithMusic = new() { Interests = { "music" } };

    [Theory]
    [InlineData(new[] { "Music", "books" }, true)]
    [InlineData(new[] { "books" }, false)]
    [InlineData(null, false)]
    public void Interest_DeclaredInterest_MatchesIgnoringCase(string[]? likes, bool expected) =>
        Evaluate(new Shopper { Likes = likes }, WithMusic).IsIn("interest:music").Should().Be(expected);

    [Fact]
    public void Interest_NoneConfigured_AddsNoInterestSegment() =>
        Compile().MembershipIds.Should().NotContain(id => id.StartsWith(StarterSegmentIds.InterestPrefix, StringComparison.Ordinal));

    [Theory]
    [InlineData("DE", true)]
    [InlineData("fr", true)]
    [InlineData("US", false)]
    [InlineData("CH", false)]
    [InlineData(null, false)]
    public void Region_DefaultEu_MatchesMemberStates(string? country, bool expected) =>
        Evaluate(new Shopper { Country = country }).IsIn(StarterSegmentIds.Region("eu")).Should().Be(expected);

    [Fact]
    public void Region_CustomCountrySet_GetsItsOwnSegment()
    {
        var options = new StarterOptions { Regions = { ["dach"] = ["DE", "AT", "CH"] } };

        var result = Evaluate(new Shopper { Country = "CH" }, options);

        result.IsIn("region:dach").Should().BeTrue();
        result.IsIn("region:eu").Should().BeFalse();
    }
}
