using Segmentation.Core.Engine;
using Segmentation.Analytics.Starter;

namespace Segmentation.Analytics.Tests.Rfm;

/// <summary>The RFM scores and named segments evaluated by the engine, checked against <see cref="RfmSnapshot.Score"/> and <see cref="RfmSegments.Classify"/> on real CDNOW data.</summary>
public sealed class RfmCatalogTests
{
    private static readonly DateTimeOffset AsOf = new(CdnowSample.CalibrationEnd);

    private static readonly Lazy<IReadOnlyList<CustomerPurchases>> LazyCustomers = new(() => CustomerPurchases.GroupByCustomer(CdnowSample.Records));

    private static readonly Lazy<IReadOnlyDictionary<string, RfmInput>> LazyInputs = new(() =>
        CustomerBaseCalculator.ComputeAll(Customers, CdnowSample.CalibrationEnd).ToDictionary(f => f.Key, f => RfmInput.FromFeatures(f.Key, f.Value), StringComparer.Ordinal));

    private static readonly Lazy<RfmSnapshot> LazySnapshot = new(() => RfmModel.Fit(Inputs.Values, new RfmOptions { AsOf = CdnowSample.CalibrationEnd }));

    private static IReadOnlyList<CustomerPurchases> Customers => LazyCustomers.Value;

    private static IReadOnlyDictionary<string, RfmInput> Inputs => LazyInputs.Value;

    private static RfmSnapshot Snapshot => LazySnapshot.Value;

    [Fact]
    public void Evaluate_EveryCdnowSampleCustomer_ScoresAndMemberEqualSnapshotAndClassify()
    {
        var engine = SegmentEngine.Compile(new RfmCatalog<CustomerPurchases>(Mapping(), Snapshot));
        var segments = RfmSegments.Default;
        var mismatches = new List<string>();
        var members = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var customer in Customers)
        {
            var expected = Snapshot.Score(Inputs[customer.CustomerId]);
            var expectedMember = segments.Classify(expected);
            var result = engine.Evaluate(customer, AsOf);
            var actual = (result.Score(RfmCatalogIds.Recency), result.Score(RfmCatalogIds.Frequency), result.Score(RfmCatalogIds.Monetary), result.Score(RfmCatalogIds.FrequencyMonetary));
            if (actual != (expected.R, expected.F, expected.M, (decimal)expected.FrequencyMonetaryAverage) || result.MemberOf(RfmCatalogIds.Group) != expectedMember)
                mismatches.Add($"{customer.CustomerId}: expected {expected} {expectedMember}, got {actual} {result.MemberOf(RfmCatalogIds.Group)}");
            result.HasFaults.Should().BeFalse();
            members[result.MemberOf(RfmCatalogIds.Group) ?? "(none)"] = members.GetValueOrDefault(result.MemberOf(RfmCatalogIds.Group) ?? "(none)") + 1;
        }

        Customers.Should().HaveCount(2357);
        mismatches.Should().BeEmpty();
        members.Keys.Should().NotContain("(none)").And.HaveCountGreaterThan(5);
    }

    [Theory]
    [InlineData("0001", 5, 4, 4, RfmSegmentIds.Champions)]
    [InlineData("0002", 1, 3, 4, RfmSegmentIds.AtRisk)]
    [InlineData("2258", 4, 1, 4, RfmSegmentIds.PotentialLoyalist)]
    [InlineData("1460", 4, 5, 5, RfmSegmentIds.Loyal)]
    [InlineData("2357", 4, 1, 2, RfmSegmentIds.Promising)]
    public void Evaluate_HandCheckedCustomer_HasScoresAndSegment(string customerId, int r, int f, int m, string segment)
    {
        var engine = SegmentEngine.Compile(new RfmCatalog<CustomerPurchases>(Mapping(), Snapshot));

        var result = engine.Evaluate(Customer(customerId), AsOf);

        result.Score(RfmCatalogIds.Recency).Should().Be(r);
        result.Score(RfmCatalogIds.Frequency).Should().Be(f);
        result.Score(RfmCatalogIds.Monetary).Should().Be(m);
        result.Score(RfmCatalogIds.FrequencyMonetary).Should().Be((f + m) / 2m);
        result.MemberOf(RfmCatalogIds.Group).Should().Be(segment);
        result.IsIn(segment).Should().BeTrue();
        result.ProfileId.Should().Be(customerId);
    }

    [Fact]
    public void Evaluate_EditedSegments_GroupFollowsTheEditedRulesForEveryCustomer()
    {
        var edited = RfmSegments.Default;
        edited.Insert(0, new RfmSegmentRule("vip", "VIP", new(4, 5), Monetary: new(5, 5)));
        var atRisk = edited.Single(rule => rule.Id == RfmSegmentIds.AtRisk);
        edited[edited.IndexOf(atRisk)] = atRisk with { Id = "win-back", Name = "Win back", FrequencyMonetaryAverage = new(2.5, 4) };
        var lost = edited.Single(rule => rule.Id == RfmSegmentIds.Lost);
        edited.Remove(lost);
        edited.Insert(1, lost);
        var engine = SegmentEngine.Compile(new RfmCatalog<CustomerPurchases>(Mapping(), Snapshot, edited));
        var mismatches = new List<string>();

        foreach (var customer in Customers)
        {
            var expected = edited.Classify(Snapshot.Score(Inputs[customer.CustomerId]));
            var actual = engine.Evaluate(customer, AsOf).MemberOf(RfmCatalogIds.Group);
            if (actual != expected)
                mismatches.Add($"{customer.CustomerId}: expected {expected}, got {actual}");
        }

        mismatches.Should().BeEmpty();
        engine.Evaluate(Customer("1460"), AsOf).MemberOf(RfmCatalogIds.Group).Should().Be("vip"); // 4-5-5, Loyal by default
        engine.Evaluate(Customer("0002"), AsOf).MemberOf(RfmCatalogIds.Group).Should().Be("win-back"); // 1-3-4, At risk by default
        engine.Evaluate(Customer("0001"), AsOf).MemberOf(RfmCatalogIds.Group).Should().Be(RfmSegmentIds.Champions);
    }

    [Fact]
    public void Constructor_SegmentsEditedAfterwards_KeepsTheRulesItWasBuiltWith()
    {
        var segments = RfmSegments.Default;
        var catalog = new RfmCatalog<CustomerPurchases>(Mapping(), Snapshot, segments);

        segments.Insert(0, new RfmSegmentRule("everyone", "Everyone", new(1, 5)));
        var engine = SegmentEngine.Compile(catalog);

        engine.Evaluate(Customer("0001"), AsOf).MemberOf(RfmCatalogIds.Group).Should().Be(RfmSegmentIds.Champions);
        catalog.Segments.Select(rule => rule.Id).Should().Equal(RfmSegments.Default.Select(rule => rule.Id));
    }

    [Fact]
    public void Evaluate_CustomerWithoutPurchases_HasNoMemberAndZeroScores()
    {
        var engine = SegmentEngine.Compile(new RfmCatalog<CustomerPurchases>(Mapping(), Snapshot));

        var result = engine.Evaluate(new CustomerPurchases("none", []), AsOf);

        result.MemberOf(RfmCatalogIds.Group).Should().BeNull();
        result.HasFaults.Should().BeFalse();
        result.Score(RfmCatalogIds.Recency).Should().Be(0);
        result.Score(RfmCatalogIds.Frequency).Should().Be(0);
        result.Score(RfmCatalogIds.Monetary).Should().Be(0);
        result.Score(RfmCatalogIds.FrequencyMonetary).Should().Be(0);
        result.Segments.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_OnlyPurchasesAfterAsOf_HasNoMember()
    {
        var engine = SegmentEngine.Compile(new RfmCatalog<CustomerPurchases>(Mapping(), Snapshot));
        var customer = Customer("0001"); // first purchase 1997-01-01

        var result = engine.Evaluate(customer, new DateTimeOffset(CdnowSample.Day(1996, 12, 31)));

        result.MemberOf(RfmCatalogIds.Group).Should().BeNull();
        result.Score(RfmCatalogIds.Recency).Should().Be(0);
    }

    [Fact]
    public void Evaluate_NoRuleMatches_HasNoMember()
    {
        var segments = new RfmSegments([new RfmSegmentRule("recent", "Recent", new(5, 5))]);
        var engine = SegmentEngine.Compile(new RfmCatalog<CustomerPurchases>(Mapping(), Snapshot, segments));

        engine.Evaluate(Customer("0001"), AsOf).MemberOf(RfmCatalogIds.Group).Should().Be("recent");
        engine.Evaluate(Customer("0002"), AsOf).MemberOf(RfmCatalogIds.Group).Should().BeNull();
    }

    [Theory]
    [InlineData(0, 5)] // 10.5 days: whole days 10, not above the cut point 10
    [InlineData(1, 4)] // 11.5 days: above 10, not above 20
    [InlineData(11, 3)] // 21.5 days: above 10 and 20
    public void Evaluate_PurchaseAtNoon_ComparesWholeElapsedDaysWithTheCutPoints(int extraDays, int expectedR)
    {
        var snapshot = new RfmSnapshot(5, [10m, 20m, 30m, 40m], [0m, 1m, 2m, 3m], [10m, 20m, 30m, 40m], 10, null);
        var asOf = CdnowSample.Day(2024, 3, 1);
        var purchase = new PurchaseRecord("c", asOf.AddDays(-(10.5 + extraDays)), 1, 5m);
        var engine = SegmentEngine.Compile(new RfmCatalog<CustomerPurchases>(Mapping(), snapshot));

        var result = engine.Evaluate(new CustomerPurchases("c", [purchase]), new DateTimeOffset(asOf));

        result.Score(RfmCatalogIds.Recency).Should().Be(expectedR);
        result.Score(RfmCatalogIds.Recency).Should().Be(snapshot.Score(new RfmInput("c", 10 + extraDays, 0, 5m)).R);
    }

    [Fact]
    public void Evaluate_ValuesEqualToCutPoints_FallInTheLowerBin()
    {
        var snapshot = new RfmSnapshot(3, [7m, 14m], [1m, 2m], [10m, 20m], 10, null);
        var asOf = CdnowSample.Day(2024, 3, 1);
        var purchases = new[]
        {
            new PurchaseRecord("c", asOf.AddDays(-20), 1, 4m),
            new PurchaseRecord("c", asOf.AddDays(-20), 1, 2m),
            new PurchaseRecord("c", asOf.AddDays(-14), 1, 4m),
        };
        var engine = SegmentEngine.Compile(new RfmCatalog<CustomerPurchases>(Mapping(), snapshot));

        var result = engine.Evaluate(new CustomerPurchases("c", purchases), new DateTimeOffset(asOf));

        snapshot.Score(new RfmInput("c", 14, 1, 10m)).Should().Be(new RfmScore(2, 1, 1));
        (result.Score(RfmCatalogIds.Recency), result.Score(RfmCatalogIds.Frequency), result.Score(RfmCatalogIds.Monetary)).Should().Be((2m, 1m, 1m));
    }

    [Fact]
    public void Evaluate_NegativeCutPoints_EveryBuyerIsAbove()
    {
        var snapshot = new RfmSnapshot(3, [-5m, -0.5m], [-1m, 0m], [-10m, 0m], 1, null);
        var engine = SegmentEngine.Compile(new RfmCatalog<CustomerPurchases>(Mapping(), snapshot, new RfmSegments([new RfmSegmentRule("all", "All", new(1, 3))])));
        var asOf = CdnowSample.Day(2024, 3, 1);

        var buyer = engine.Evaluate(new CustomerPurchases("c", [new PurchaseRecord("c", asOf, 1, 0m)]), new DateTimeOffset(asOf));
        var none = engine.Evaluate(new CustomerPurchases("n", []), new DateTimeOffset(asOf));

        snapshot.Score(new RfmInput("c", 0, 0, 0m)).Should().Be(new RfmScore(1, 2, 2));
        (buyer.Score(RfmCatalogIds.Recency), buyer.Score(RfmCatalogIds.Frequency), buyer.Score(RfmCatalogIds.Monetary)).Should().Be((1m, 2m, 2m));
        buyer.MemberOf(RfmCatalogIds.Group).Should().Be("all");
        (none.Score(RfmCatalogIds.Recency), none.Score(RfmCatalogIds.Frequency), none.Score(RfmCatalogIds.Monetary)).Should().Be((0m, 0m, 0m));
        none.MemberOf(RfmCatalogIds.Group).Should().BeNull();
    }

    [Fact]
    public void Constructor_MappingWithoutPurchases_Throws()
    {
        var act = () => new RfmCatalog<CustomerPurchases>(new StarterMapping<CustomerPurchases>().IdentifiedBy(c => c.CustomerId), Snapshot);

        act.Should().Throw<ArgumentException>().WithMessage("The mapping has no purchases*").Which.ParamName.Should().Be("mapping");
    }

    [Fact]
    public void Constructor_EmptySegments_Throws()
    {
        var act = () => new RfmCatalog<CustomerPurchases>(Mapping(), Snapshot, []);

        act.Should().Throw<ArgumentException>().WithMessage("The RFM segment list is empty*").Which.ParamName.Should().Be("segments");
    }

    [Fact]
    public void Definition_DefaultSegments_DefinesTheScoresAndTheGroupInOrder()
    {
        var catalog = new RfmCatalog<CustomerPurchases>(Mapping(), Snapshot);

        catalog.Name.Should().Be("rfm");
        catalog.Definition.Scores.Select(s => s.Id).Should().Equal(RfmCatalogIds.Recency, RfmCatalogIds.Frequency, RfmCatalogIds.Monetary, RfmCatalogIds.FrequencyMonetary);
        catalog.Definition.Groups.Should().ContainSingle().Which.Members.Select(m => m.Id).Should().Equal(RfmSegments.Default.Select(rule => rule.Id));
        catalog.Definition.Groups[0].Members[0].Name.Should().Be("Champions");
        catalog.Definition.Scores[0].Description.Should().Contain("99, 198, 219, 242");
    }

    private static StarterMapping<CustomerPurchases> Mapping() => new StarterMapping<CustomerPurchases>()
        .IdentifiedBy(c => c.CustomerId)
        .Purchases(c => c.Purchases, p => p.Date, p => p.Amount);

    private static CustomerPurchases Customer(string customerId) => Customers.Single(c => c.CustomerId == customerId);
}
