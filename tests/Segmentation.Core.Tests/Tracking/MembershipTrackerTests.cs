using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tracking;
using Segmentation.ReferenceWorkload;
using static Segmentation.Core.Tests.Tracking.TestCatalogs;

namespace Segmentation.Core.Tests.Tracking;

public sealed class MembershipTrackerTests
{
    [Fact]
    public async Task TrackAsync_FirstTime_ReportsEveryMembershipAsEntered()
    {
        var tracker = new MembershipTracker<Customer>(Journey(), new InMemoryMembershipStore());
        var customer = Customer("c1", Utc(2026, 5, 20));

        var update = await tracker.TrackAsync(customer, AsOf);

        update.Changes.Select(c => (c.Kind, c.SegmentId)).Should().BeEquivalentTo(new[]
        {
            (MembershipChangeKind.Entered, "buyer"),
            (MembershipChangeKind.Entered, "purchase"),
        });
        update.Changes.Should().OnlyContain(c => c.ProfileId == "c1" && c.AsOf == AsOf && c.PreviousAsOf == null);
        update.Snapshot!.Memberships.Should().BeEquivalentTo("buyer", "journey-stage", "purchase");
    }

    [Fact]
    public async Task TrackAsync_ConsiderationToPurchase_ReportsOneMoveWithExplanation()
    {
        var store = new InMemoryMembershipStore();
        var tracker = new MembershipTracker<Customer>(Journey(), store);
        var customer = Customer("c1");
        customer.Events.Add(new Event { At = Utc(2026, 5, 25), Type = EventTypes.AddToCart });
        (await tracker.TrackAsync(customer, AsOf)).Changes.Should().ContainSingle(c => c.SegmentId == "consideration" && c.Kind == MembershipChangeKind.Entered);

        customer.Orders.Add(new Order { At = Utc(2026, 6, 2), Amount = 20m });
        var update = await tracker.TrackAsync(customer, AsOf.AddDays(2));

        var move = update.Changes.Should().ContainSingle(c => c.GroupId == "journey-stage").Subject;
        move.Kind.Should().Be(MembershipChangeKind.Moved);
        move.SegmentId.Should().Be("journey-stage");
        move.FromMember.Should().Be("consideration");
        move.ToMember.Should().Be("purchase");
        move.PreviousAsOf.Should().Be(AsOf);
        move.Explanation!.Subject.Should().Be("journey-stage");
        move.Explanation.ToString().Should().Contain("purchase: yes");
        update.Changes.Should().ContainSingle(c => c.SegmentId == "buyer" && c.Kind == MembershipChangeKind.Entered);
    }

    [Fact]
    public async Task TrackAsync_LastOrderLeavesWindow_ReportsChurnRiskEnteredAndPurchaseExited()
    {
        var tracker = new MembershipTracker<Customer>(Journey(), new InMemoryMembershipStore());
        var customer = Customer("c1", Utc(2026, 1, 1), Utc(2026, 3, 1), Utc(2026, 5, 31));
        await tracker.TrackAsync(customer, AsOf);

        var update = await tracker.TrackAsync(customer, new DateTimeOffset(Utc(2026, 5, 31)).AddDays(90));

        update.Changes.Select(c => (c.Kind, c.SegmentId)).Should().BeEquivalentTo(new[]
        {
            (MembershipChangeKind.Entered, "churn-risk"),
            (MembershipChangeKind.Moved, "journey-stage"),
        });
        update.Changes.Single(c => c.SegmentId == "churn-risk").Explanation!.ToString().Should().Contain("count(orders) in last 90 days = 0");
    }

    [Fact]
    public async Task TrackAsync_NothingChanged_ReportsNoChanges()
    {
        var tracker = new MembershipTracker<Customer>(Journey(), new InMemoryMembershipStore());
        var customer = Customer("c1", Utc(2026, 5, 20));
        await tracker.TrackAsync(customer, AsOf);

        var update = await tracker.TrackAsync(customer, AsOf.AddDays(1));

        update.HasChanges.Should().BeFalse();
    }

    [Fact]
    public async Task TrackAsync_SegmentFaults_KeepsPreviousStateAndReportsFault()
    {
        var engine = SegmentEngine.Compile(new FlakyCatalog());
        var store = new InMemoryMembershipStore();
        var tracker = new MembershipTracker<Customer>(engine, store);
        var customer = Customer("c1");
        customer.NpsScore = 10;
        (await tracker.TrackAsync(customer, AsOf)).Changes.Should().ContainSingle(c => c.SegmentId == "promoter");

        customer.NpsScore = 13;
        var update = await tracker.TrackAsync(customer, AsOf.AddDays(1));

        update.Changes.Should().BeEmpty();
        update.Faults.Should().ContainSingle(f => f.SegmentId == "promoter");
        (await store.GetAsync("c1"))!.Memberships.Should().Contain("promoter");
    }

    [Fact]
    public void Constructor_CatalogWithoutProfileId_Throws()
    {
        var engine = SegmentEngine.Compile(new AnonymousCatalog());

        var act = () => new MembershipTracker<Customer>(engine, new InMemoryMembershipStore());

        act.Should().Throw<ArgumentException>().WithMessage("*IdentifiedBy*");
    }

    [Fact]
    public async Task InMemoryStore_ConcurrentCommits_AppliesOneCommitPerExpectedVersion()
    {
        var store = new InMemoryMembershipStore();

        var applied = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), async (i, ct) =>
        {
            var commit = new MembershipCommit(new MembershipSnapshot($"p{i % 10}", AsOf, new HashSet<string> { "a" }), 0, []);
            if ((await store.CommitAsync([commit], ct))[0])
            {
                Interlocked.Increment(ref applied);
            }
        });

        applied.Should().Be(10);
        store.Count.Should().Be(10);
        (await store.GetAsync("p3"))!.Memberships.Should().Equal("a");
        (await store.GetAsync("p3"))!.Version.Should().Be(1);
        (await store.GetAsync("missing")).Should().BeNull();
    }

    private sealed class FlakyCatalog : SegmentCatalog<Customer>
    {
        protected override void Define(ICatalogBuilder<Customer> s)
        {
            s.IdentifiedBy(c => c.Id);
            s.Segment("promoter").When(c => IsPromoter(c.NpsScore));
        }

        private static bool IsPromoter(int? score) => score <= 10 ? score >= 9 : throw new InvalidOperationException("bad score");
    }

    private sealed class AnonymousCatalog : SegmentCatalog<Customer>
    {
        protected override void Define(ICatalogBuilder<Customer> s) => s.Segment("all").When(c => true);
    }
}
