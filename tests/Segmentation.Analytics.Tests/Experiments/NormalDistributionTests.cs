
namespace Segmentation.Analytics.Tests.Experiments;

public class NormalDistributionTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.96, 0.9750021048517795)]
    [InlineData(-1.0, 0.15865525393145707)]
    [InlineData(3.0, 0.9986501019683699)]
    [InlineData(-5.0, 2.866515718791946e-07)]
    [InlineData(-12.0, 0.0)]
    [InlineData(12.0, 1.0)]
    public void Cdf_KnownValues_MatchToTwelveDigits(double x, double expected)
    {
        var p = NormalDistribution.Cdf(x);

        p.Should().BeApproximately(expected, 1e-12);
    }

    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.95, 1.6448536269514722)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.005, -2.5758293035489004)]
    public void Quantile_KnownValues_MatchToTenDigits(double p, double expected)
    {
        var z = NormalDistribution.Quantile(p);

        z.Should().BeApproximately(expected, 1e-10);
    }
}
