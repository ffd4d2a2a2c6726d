
namespace Segmentation.Analytics.Tests.Experiments;

public class SegmentExperimentMeasurementTests
{
    private static (MeasuredProfile[] Profiles, Dictionary<string, string> Variants) Experiment()
    {
        var profiles = new List<MeasuredProfile>();
        var variants = new Dictionary<string, string>();
        void Add(string variant, int count, int conversions, int inSegment, int segmentConversions)
        {
            for (var i = 0; i < count; i++)
            {
                var id = $"{variant}-{i}";
                var converted = i < segmentConversions || (i >= inSegment && i < inSegment + conversions - segmentConversions);
                profiles.Add(new MeasuredProfile(id, i < inSegment ? ["s"] : [], new(converted, 0m, 0, false)));
                variants[id] = variant;
            }
        }

        Add("control", 200, 20, 4, 1);
        Add("treatment", 200, 30, 5, 4);
        profiles.Add(new MeasuredProfile("outside", ["s"], new(true, 0m, 0, false)));
        return (profiles.ToArray(), variants);
    }

    [Fact]
    public void MeasureExperiment_Population_TwoProportionZTest()
    {
        // control 20/200 = 0.10, treatment 30/200 = 0.15, difference 0.05
        // unpooled SE sqrt(0.15 * 0.85 / 200 + 0.10 * 0.90 / 200) = sqrt(0.0010875) = 0.0329773
        // 95% CI 0.05 -/+ 1.959964 * 0.0329773 = [-0.0146343, 0.1146343]
        // pooled p 50/400 = 0.125, SE sqrt(0.125 * 0.875 * (1/200 + 1/200)) = 0.0330719, z = 1.5118579, p = 0.1305700
        var (profiles, variants) = Experiment();

        var report = SegmentMeasurement.MeasureExperiment(profiles, variants, "control");

        report.Population.Variants.Should().Equal(new VariantOutcome("control", 200, 20, 0.10), new VariantOutcome("treatment", 200, 30, 0.15));
        var comparison = report.Population.Comparisons.Should().ContainSingle().Subject;
        comparison.Variant.Should().Be("treatment");
        comparison.Difference.Should().BeApproximately(0.05, 1e-12);
        comparison.LowerBound.Should().BeApproximately(-0.0146343, 1e-7);
        comparison.UpperBound.Should().BeApproximately(0.1146343, 1e-7);
        comparison.Z.Should().BeApproximately(1.5118579, 1e-7);
        comparison.PValue.Should().BeApproximately(0.1305700, 1e-7);
    }

    [Fact]
    public void MeasureExperiment_Segment_ComparesWithinSegmentAndSkipsUnassigned()
    {
        // segment s: control 1/4 = 0.25, treatment 4/5 = 0.80, difference 0.55 ("outside" has no variant: skipped)
        // unpooled SE sqrt(0.8 * 0.2 / 5 + 0.25 * 0.75 / 4) = sqrt(0.078875) = 0.2808469; CI [-0.0004499, 1.1004499]
        // pooled p 5/9, SE sqrt(5/9 * 4/9 * (1/4 + 1/5)) = 1/3, z = 1.65, p = 0.0989429
        var (profiles, variants) = Experiment();

        var report = SegmentMeasurement.MeasureExperiment(profiles, variants, "control");

        var segment = report.Segment("s");
        segment.Variants.Should().Equal(new VariantOutcome("control", 4, 1, 0.25), new VariantOutcome("treatment", 5, 4, 0.80));
        var comparison = segment.Comparisons.Should().ContainSingle().Subject;
        comparison.LowerBound.Should().BeApproximately(-0.0004499, 1e-7);
        comparison.UpperBound.Should().BeApproximately(1.1004499, 1e-7);
        comparison.Z.Should().BeApproximately(1.65, 1e-9);
        comparison.PValue.Should().BeApproximately(0.0989429, 1e-7);
    }

    [Fact]
    public void MeasureExperiment_NinetyPercentConfidence_NarrowerInterval()
    {
        // 0.05 -/+ 1.6448536 * 0.0329773 = [-0.0042428, 0.1042428]
        var (profiles, variants) = Experiment();

        var report = SegmentMeasurement.MeasureExperiment(profiles, variants, "control", confidenceLevel: 0.90);

        report.Population.Comparisons[0].LowerBound.Should().BeApproximately(-0.0042428, 1e-7);
        report.Population.Comparisons[0].UpperBound.Should().BeApproximately(0.1042428, 1e-7);
    }

    [Fact]
    public void MeasureExperiment_BothRatesZero_ZeroZAndPValueOne()
    {
        var profiles = new[] { new MeasuredProfile("a", [], new(false, 0m, 0, false)), new MeasuredProfile("b", [], new(false, 0m, 0, false)) };

        var report = SegmentMeasurement.MeasureExperiment(profiles, new Dictionary<string, string> { ["a"] = "control", ["b"] = "v" }, "control");

        report.Population.Comparisons.Should().Equal(new VariantComparison("v", "control", 0, 0, 0, 0, 1));
    }

    [Fact]
    public void MeasureExperiment_ControlAbsentInSegment_NoComparisons()
    {
        var profiles = new[] { new MeasuredProfile("a", ["s"], new(true, 0m, 0, false)), new MeasuredProfile("b", [], new(false, 0m, 0, false)) };

        var report = SegmentMeasurement.MeasureExperiment(profiles, new Dictionary<string, string> { ["a"] = "v", ["b"] = "control" }, "control");

        report.Segment("s").Comparisons.Should().BeEmpty();
        report.Segment("s").Variants.Should().Equal(new VariantOutcome("v", 1, 1, 1.0));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void MeasureExperiment_ConfidenceOutOfRange_Throws(double confidence)
    {
        var act = () => SegmentMeasurement.MeasureExperiment([new MeasuredProfile("a", [], default)], new Dictionary<string, string>(), "control", confidence);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("confidenceLevel");
    }
}
