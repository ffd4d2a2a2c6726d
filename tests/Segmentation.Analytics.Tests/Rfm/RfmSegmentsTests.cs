
namespace Segmentation.Analytics.Tests.Rfm;

public class RfmSegmentsTests
{
    public static TheoryData<int, int, int, string> GridCells => new()
    {
        { 5, 5, 5, RfmSegmentIds.Champions },
        { 5, 4, 4, RfmSegmentIds.Champions },
        { 4, 5, 4, RfmSegmentIds.Loyal },
        { 3, 4, 4, RfmSegmentIds.Loyal },
        { 5, 3, 3, RfmSegmentIds.PotentialLoyalist },
        { 4, 1, 4, RfmSegmentIds.PotentialLoyalist },
        { 5, 1, 2, RfmSegmentIds.New },
        { 4, 1, 1, RfmSegmentIds.Promising },
        { 3, 3, 4, RfmSegmentIds.NeedsAttention },
        { 3, 2, 3, RfmSegmentIds.AboutToSleep },
        { 2, 4, 4, RfmSegmentIds.AtRisk },
        { 1, 3, 4, RfmSegmentIds.AtRisk },
        { 1, 5, 4, RfmSegmentIds.CantLose },
        { 2, 2, 3, RfmSegmentIds.Hibernating },
        { 1, 1, 4, RfmSegmentIds.Lost },
    };

    [Theory]
    [MemberData(nameof(GridCells))]
    public void Classify_DefaultGrid_ReturnsCellSegment(int r, int f, int m, string expected)
    {
        var segments = RfmSegments.Default;

        var id = segments.Classify(new RfmScore(r, f, m));

        id.Should().Be(expected);
    }

    [Fact]
    public void Default_All125Scores_MatchExactlyOneRule()
    {
        var segments = RfmSegments.Default;
        var scores = from r in Enumerable.Range(1, 5) from f in Enumerable.Range(1, 5) from m in Enumerable.Range(1, 5) select new RfmScore(r, f, m);

        var matchCounts = scores.Select(s => (Score: s, Matches: segments.Count(rule => rule.Matches(s)))).ToArray();

        matchCounts.Should().HaveCount(125).And.OnlyContain(x => x.Matches == 1);
        segments.Select(s => s.Id).Should().OnlyHaveUniqueItems().And.HaveCount(11);
    }

    [Fact]
    public void Default_EditingACopy_DoesNotChangeLaterCopies()
    {
        var edited = RfmSegments.Default;

        edited.Insert(0, new RfmSegmentRule("vip", "VIP", new(5, 5), Monetary: new(5, 5)));

        edited.Classify(new RfmScore(5, 5, 5)).Should().Be("vip");
        RfmSegments.Default.Classify(new RfmScore(5, 5, 5)).Should().Be(RfmSegmentIds.Champions);
    }

    [Fact]
    public void Classify_NoRuleMatches_ReturnsNull()
    {
        var segments = new RfmSegments([new RfmSegmentRule("recent", "Recent", new(5, 5))]);

        var id = segments.Classify(new RfmScore(1, 5, 5));

        id.Should().BeNull();
    }
}
