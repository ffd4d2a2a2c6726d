using Segmentation.Core.Engine;
using Segmentation.Analytics.Starter;
using static Segmentation.Analytics.Tests.Starter.StarterFixture;

namespace Segmentation.Analytics.Tests.Starter;

public class StarterCatalogTests
{
    [Fact]
    public void Compile_FullMapping_HasEverySegment() =>
        Compile(new StarterOptions { Interests = { "music" } }).MembershipIds.Should().BeEquivalentTo(
        [
            "engagement", "loyal", "repeat", "one-time", "inactive",
            "journey-stage", "post-purchase", "purchase", "consideration", "awareness",
            "churn-risk", "high-value", "seasonal-buyer", "cart-abandoner", "browser-no-purchase",
            "birthday-month", "anniversary-week", "interest:music", "region:eu",
        ]);

    [Fact]
    public void Compile_OnlyBirthdayMapped_HasOnlyBirthdayMonth() =>
        Compile(mapping: new StarterMapping<Shopper>().Birthday(s => s.BirthDate)).MembershipIds.Should().Equal(StarterSegmentIds.BirthdayMonth);

    [Fact]
    public void Compile_EventsWithoutPurchases_HasOnlyConsiderationFreeSegments()
    {
        var mapping = new StarterMapping<Shopper>().Events(s => s.Activity, e => e.At, e => e.Kind);

        Compile(mapping: mapping).MembershipIds.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_CustomProfileTypeWithoutBaseClass_Works()
    {
        var mapping = new StarterMapping<Account>()
            .IdentifiedBy(a => a.Number)
            .Purchases(a => a.Invoices, i => i.IssuedAt, i => i.Net)
            .Country(a => a.Address.CountryCode);
        var engine = SegmentEngine.Compile(new StarterCatalog<Account>(mapping, new StarterOptions { HighValueMinSpend = 100m }));
        var account = new Account("A-7", new Address("NL"),
        [
            new Invoice(AsOf.AddDays(-100), 60m),
            new Invoice(AsOf.AddDays(-120), 50m),
            new Invoice(AsOf.AddDays(-150), 40m),
        ]);

        var result = engine.Evaluate(account, AsOf);

        result.ProfileId.Should().Be("A-7");
        result.Segments.Should().BeEquivalentTo(["engagement", "repeat", "journey-stage", "post-purchase", "churn-risk", "high-value", "region:eu"]);
        engine.Explain(account, StarterSegmentIds.ChurnRisk, AsOf).ToString().Should().Contain("count(invoices) ever = 3");
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new StarterOptions { LoyalMinOrders = 0, ChurnRiskQuietDays = -1, SeasonalToleranceDays = 365 };

        var act = () => new StarterCatalog<Shopper>(FullMapping(), options);

        act.Should().Throw<ArgumentException>().WithMessage(
            "Invalid starter options: LoyalMinOrders must be at least 1 (was 0); ChurnRiskQuietDays must be at least 1 (was -1); " +
            "SeasonalToleranceDays must be below 365 (was 365).*");
    }

    [Fact]
    public void Constructor_OptionsChangedAfterwards_HaveNoEffect()
    {
        var options = new StarterOptions();
        var catalog = new StarterCatalog<Shopper>(FullMapping(), options);

        options.LoyalMinOrders = 1;

        SegmentEngine.Compile(catalog).Evaluate(WithOrders(1), AsOf).MemberOf(StarterSegmentIds.Engagement).Should().Be(StarterSegmentIds.OneTime);
    }

    [Fact]
    public void Options_Defaults_AreDocumentedValues()
    {
        var options = new StarterOptions();

        options.Should().BeEquivalentTo(new
        {
            LoyalMinOrders = 5, LoyalWindowDays = 365, ActiveWindowDays = 365,
            PostPurchaseMinOrders = 2, PurchaseStageWindowDays = 30, ConsiderationWindowDays = 30,
            ChurnRiskMinOrders = 3, ChurnRiskQuietDays = 90, CartAbandonerWindowDays = 7,
            BrowserMinPageViews = 3, BrowserWindowDays = 30,
            HighValueMinSpend = 1000m, HighValueMinAverageOrderValue = (decimal?)null, HighValueWindowDays = 365,
            AnniversaryWeekDays = 7, SeasonalToleranceDays = 30,
        });
        options.Interests.Should().BeEmpty();
        options.Regions.Should().ContainSingle().Which.Key.Should().Be("eu");
        options.Regions["eu"].Should().HaveCount(27);
        new StarterEventTypes().Should().Be(new StarterEventTypes { CartAbandoned = "CartAbandoned", PageView = "PageView", AddToCart = "AddToCart" });
    }

    [Fact]
    public void Catalog_Segments_AreDescribedAndTagged()
    {
        var catalog = new StarterCatalog<Shopper>(FullMapping());

        catalog.Name.Should().Be("starter");
        catalog.Definition.Segments.Should().OnlyContain(s => !string.IsNullOrEmpty(s.Description) && s.Tags.Count > 0);
    }

    private sealed record Address(string CountryCode);

    private sealed record Invoice(DateTimeOffset IssuedAt, decimal Net);

    private sealed record Account(string Number, Address Address, IReadOnlyList<Invoice> Invoices);
}
