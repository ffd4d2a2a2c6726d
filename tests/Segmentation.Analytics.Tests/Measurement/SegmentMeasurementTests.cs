
namespace Segmentation.Analytics.Tests.Measurement;

public class SegmentMeasurementTests
{
    // p1 [a, a, b] converted 100 / 2 orders retained | p2 [a] 0 / 0 retained | p3 [a, b] converted 50 / 1
    // p4 [b] converted 20 / 1 | p5 [] converted 30 / 1 retained | p6 [c] nothing
    // population: 6 profiles, 4 conversions (2/3), revenue 200, 5 orders (AOV 40), 3 retained (1/2)
    private static readonly MeasuredProfile[] Profiles =
    [
        new("p1", ["a", "a", "b"], new(true, 100m, 2, true)),
        new("p2", ["a"], new(false, 0m, 0, true)),
        new("p3", ["a", "b"], new(true, 50m, 1, false)),
        new("p4", ["b"], new(true, 20m, 1, false)),
        new("p5", [], new(true, 30m, 1, true)),
        new("p6", ["c"], new(false, 0m, 0, false)),
    ];

    [Fact]
    public void Measure_SmallPopulation_PopulationRow()
    {
        var report = SegmentMeasurement.Measure(Profiles);

        report.Population.Should().BeEquivalentTo(new SegmentMetrics
        {
            SegmentId = null, Size = 6, Share = 1.0, Conversions = 4, ConversionRate = 4 / 6.0, Revenue = 200m, Orders = 5,
            AverageOrderValue = 40m, Retained = 3, RetentionRate = 0.5, ConversionLift = 1.0,
        });
    }

    [Fact]
    public void Measure_SmallPopulation_SegmentRows()
    {
        // a: p1 p2 p3 -> 2 conversions (2/3, lift 1), revenue 150, 3 orders (AOV 50), 2 retained
        // b: p1 p3 p4 -> 3 conversions (1, lift 1 / (2/3) = 1.5), revenue 170, 4 orders (AOV 42.5), 1 retained
        // c: p6 -> no conversion (lift 0), no order (AOV null)
        var report = SegmentMeasurement.Measure(Profiles);

        report.Segments.Select(s => s.SegmentId).Should().Equal("a", "b", "c");
        report.Segment("a").Should().BeEquivalentTo(new SegmentMetrics
        {
            SegmentId = "a", Size = 3, Share = 0.5, Conversions = 2, ConversionRate = 2 / 3.0, Revenue = 150m, Orders = 3,
            AverageOrderValue = 50m, Retained = 2, RetentionRate = 2 / 3.0, ConversionLift = 1.0,
        });
        report.Segment("b").ConversionLift.Should().BeApproximately(1.5, 1e-12);
        report.Segment("b").AverageOrderValue.Should().Be(42.5m);
        report.Segment("b").RetentionRate.Should().BeApproximately(1 / 3.0, 1e-12);
        report.Segment("c").AverageOrderValue.Should().BeNull();
        report.Segment("c").ConversionLift.Should().Be(0.0);
        report.Segment("c").Share.Should().BeApproximately(1 / 6.0, 1e-12);
    }

    [Fact]
    public void Measure_SmallPopulation_OverlapOfEveryPair()
    {
        // a & b share p1, p3: Jaccard 2 / (3 + 3 - 2) = 0.5; c shares nothing
        var report = SegmentMeasurement.Measure(Profiles);

        report.Overlaps.Should().Equal(
            new SegmentOverlap("a", "b", 2, 0.5),
            new SegmentOverlap("a", "c", 0, 0.0),
            new SegmentOverlap("b", "c", 0, 0.0));
        report.Overlap("b", "a").Both.Should().Be(2);
    }

    [Fact]
    public void Measure_NobodyConverted_LiftIsNull()
    {
        var report = SegmentMeasurement.Measure([new MeasuredProfile("p", ["s"], new(false, 0m, 0, false))]);

        report.Population.ConversionLift.Should().BeNull();
        report.Segment("s").ConversionLift.Should().BeNull();
    }

    [Fact]
    public void Measure_NoProfiles_Throws()
    {
        var act = () => SegmentMeasurement.Measure([]);

        act.Should().Throw<ArgumentException>().WithMessage("There is no profile to measure.*");
    }

    [Fact]
    public void Measure_RepeatedProfileId_Throws()
    {
        var act = () => SegmentMeasurement.Measure([Profiles[0], Profiles[0]]);

        act.Should().Throw<ArgumentException>().WithMessage("Profile 'p1' appears more than once.*");
    }
}
