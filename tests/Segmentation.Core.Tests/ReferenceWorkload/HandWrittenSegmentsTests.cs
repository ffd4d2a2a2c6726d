using Segmentation.ReferenceWorkload;
using static Segmentation.Core.Tests.ReferenceWorkload.Profiles;

namespace Segmentation.Core.Tests.ReferenceWorkload;

public sealed class HandWrittenSegmentsTests
{
    [Fact]
    public void Ids_AreTheTwelveSegmentsInTheFixedOrder()
    {
        HandWrittenSegments.Ids.Should().Equal(
            "loyal", "one-time", "churn-risk", "cart-abandoner", "browser-no-purchase", "high-value",
            "young-urban", "eu", "outdoor", "birthday-month", "email-engaged", "vip-at-risk");
        HandWrittenSegments.Ids[HandWrittenSegments.VipAtRisk].Should().Be("vip-at-risk");
    }

    [Fact]
    public void Evaluate_SpanTooShort_Throws()
    {
        var act = () => HandWrittenSegments.Evaluate(Plain(), AsOf, new bool[11]);

        act.Should().Throw<ArgumentException>().WithParameterName("memberships");
    }

    [Fact]
    public void Evaluate_OrderExactlyNinetyDaysAgo_IsNotInTheLastNinetyDays()
    {
        var customer = Plain();
        customer.Orders.AddRange([OrderAt(DaysAgo(400)), OrderAt(DaysAgo(300)), OrderAt(DaysAgo(90))]);

        IsIn(customer, HandWrittenSegments.ChurnRisk).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_OrderOneTickInsideNinetyDays_IsInTheLastNinetyDays()
    {
        var customer = Plain();
        customer.Orders.AddRange([OrderAt(DaysAgo(400)), OrderAt(DaysAgo(300)), OrderAt(DaysAgo(90).AddTicks(1))]);

        IsIn(customer, HandWrittenSegments.ChurnRisk).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_OrderExactlyAtAsOf_IsInTheWindow()
    {
        var customer = Plain();
        customer.Orders.AddRange([OrderAt(DaysAgo(400)), OrderAt(DaysAgo(300)), OrderAt(AsOf)]);

        IsIn(customer, HandWrittenSegments.ChurnRisk).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_OrderAfterAsOf_IsInvisibleToWindows()
    {
        var customer = Plain();
        customer.Orders.AddRange([OrderAt(DaysAgo(400)), OrderAt(DaysAgo(300)), OrderAt(DaysAgo(200)), OrderAt(AsOf.AddTicks(1))]);

        IsIn(customer, HandWrittenSegments.ChurnRisk).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_OrderAfterAsOf_IsInvisibleToEverCounts()
    {
        var customer = Plain();
        customer.Orders.AddRange([OrderAt(DaysAgo(400)), OrderAt(DaysAgo(300)), OrderAt(AsOf.AddDays(1))]);

        IsIn(customer, HandWrittenSegments.ChurnRisk).Should().BeFalse();
    }

    [Theory]
    [InlineData(90, 0, true)]
    [InlineData(90, 1, false)]
    [InlineData(400, 0, true)]
    public void Evaluate_SingleOrder_IsOneTimeOnlyWhenOlderThanNinetyDays(int daysAgo, long ticksLater, bool expected)
    {
        var customer = Plain();
        customer.Orders.Add(OrderAt(DaysAgo(daysAgo).AddTicks(ticksLater)));

        IsIn(customer, HandWrittenSegments.OneTime).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_SecondOrderAfterAsOf_StillOneTime()
    {
        var customer = Plain();
        customer.Orders.AddRange([OrderAt(AsOf.AddDays(2)), OrderAt(DaysAgo(200))]);

        IsIn(customer, HandWrittenSegments.OneTime).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_TwoOldOrders_IsNotOneTime()
    {
        var customer = Plain();
        customer.Orders.AddRange([OrderAt(DaysAgo(300)), OrderAt(DaysAgo(200))]);

        IsIn(customer, HandWrittenSegments.OneTime).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_AbandonedCartInsideSevenDaysAndOrderOnTheBoundary_IsCartAbandoner()
    {
        var customer = Plain();
        customer.Events.Add(EventAt(DaysAgo(7).AddTicks(1), EventTypes.CartAbandoned));
        customer.Orders.Add(OrderAt(DaysAgo(7)));

        IsIn(customer, HandWrittenSegments.CartAbandoner).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_AbandonedCartOnTheBoundary_IsNotCartAbandoner()
    {
        var customer = Plain();
        customer.Events.Add(EventAt(DaysAgo(7), EventTypes.CartAbandoned));

        IsIn(customer, HandWrittenSegments.CartAbandoner).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_AbandonedCartAndRecentOrder_IsNotCartAbandoner()
    {
        var customer = Plain();
        customer.Events.Add(EventAt(DaysAgo(2), EventTypes.CartAbandoned));
        customer.Orders.Add(OrderAt(DaysAgo(1)));

        IsIn(customer, HandWrittenSegments.CartAbandoner).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_ThreePageViewsAndOnlyAFutureOrder_IsBrowserNoPurchase()
    {
        var customer = Plain();
        customer.Events.AddRange([
            EventAt(DaysAgo(1), EventTypes.PageView), EventAt(DaysAgo(10), EventTypes.PageView),
            EventAt(DaysAgo(30).AddTicks(1), EventTypes.PageView)]);
        customer.Orders.Add(OrderAt(AsOf.AddTicks(1)));

        IsIn(customer, HandWrittenSegments.BrowserNoPurchase).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_ThirdPageViewOnTheBoundary_IsNotBrowserNoPurchase()
    {
        var customer = Plain();
        customer.Events.AddRange([
            EventAt(DaysAgo(1), EventTypes.PageView), EventAt(DaysAgo(10), EventTypes.PageView),
            EventAt(DaysAgo(30), EventTypes.PageView)]);

        IsIn(customer, HandWrittenSegments.BrowserNoPurchase).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_PageViewsAndAnOldOrder_IsNotBrowserNoPurchase()
    {
        var customer = Plain();
        customer.Events.AddRange([
            EventAt(DaysAgo(1), EventTypes.PageView), EventAt(DaysAgo(2), EventTypes.PageView),
            EventAt(DaysAgo(3), EventTypes.PageView)]);
        customer.Orders.Add(OrderAt(DaysAgo(1000)));

        IsIn(customer, HandWrittenSegments.BrowserNoPurchase).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_SpendExactlyThousandInTheYear_IsHighValue()
    {
        var customer = Plain();
        customer.Orders.AddRange([OrderAt(DaysAgo(365).AddTicks(1), 600m), OrderAt(AsOf, 400m), OrderAt(DaysAgo(365), 1000m)]);

        IsIn(customer, HandWrittenSegments.HighValue).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_SpendOnTheYearBoundaryOrAfterAsOf_DoesNotCount()
    {
        var customer = Plain();
        customer.Orders.AddRange([OrderAt(DaysAgo(10), 999.99m), OrderAt(DaysAgo(365), 400m), OrderAt(AsOf.AddTicks(1), 400m)]);

        IsIn(customer, HandWrittenSegments.HighValue).Should().BeFalse();
    }

    [Theory]
    [InlineData(9, false, true)]
    [InlineData(8, false, false)]
    [InlineData(null, false, false)]
    [InlineData(null, true, true)]
    public void Evaluate_FiveOrdersInTheYear_IsLoyalWithPromoterScoreOrReview(int? nps, bool review, bool expected)
    {
        var customer = Plain();
        customer.NpsScore = nps;
        for (var i = 1; i <= 5; i++)
        {
            customer.Orders.Add(OrderAt(DaysAgo(i * 60)));
        }

        if (review)
        {
            customer.Events.Add(EventAt(DaysAgo(500), EventTypes.Review));
        }

        IsIn(customer, HandWrittenSegments.Loyal).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_ReviewAfterAsOf_DoesNotMakeLoyal()
    {
        var customer = Plain();
        for (var i = 1; i <= 5; i++)
        {
            customer.Orders.Add(OrderAt(DaysAgo(i * 60)));
        }

        customer.Events.Add(EventAt(AsOf.AddTicks(1), EventTypes.Review));

        IsIn(customer, HandWrittenSegments.Loyal).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_FifthOrderOnTheYearBoundary_IsNotLoyal()
    {
        var customer = Plain();
        customer.NpsScore = 10;
        for (var i = 1; i <= 4; i++)
        {
            customer.Orders.Add(OrderAt(DaysAgo(i * 60)));
        }

        customer.Orders.Add(OrderAt(DaysAgo(365)));

        IsIn(customer, HandWrittenSegments.Loyal).Should().BeFalse();
    }

    [Theory]
    [InlineData(18, 0, true)]
    [InlineData(18, 1, false)]
    [InlineData(30, 0, false)]
    [InlineData(30, 1, true)]
    public void Evaluate_BirthdaysAroundAgeLimits_YoungUrbanUsesCompletedYears(int years, int daysLater, bool expected)
    {
        var customer = Plain();
        customer.City = "Berlin";
        customer.Country = "DE";
        customer.BirthDate = AsOf.Date.AddYears(-years).AddDays(daysLater);

        IsIn(customer, HandWrittenSegments.YoungUrban).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_YoungOutsideTheUrbanCities_IsNotYoungUrban()
    {
        var customer = Plain();
        customer.BirthDate = AsOf.Date.AddYears(-20);

        IsIn(customer, HandWrittenSegments.YoungUrban).Should().BeFalse();
    }

    [Theory]
    [InlineData(2026, 2, 28, 17)]
    [InlineData(2026, 3, 1, 18)]
    [InlineData(2028, 2, 28, 19)]
    [InlineData(2028, 2, 29, 20)]
    public void AgeAt_BornOnLeapDay_AgesOnMarchFirstInNonLeapYears(int year, int month, int day, int expected)
    {
        var birthDate = new DateTime(2008, 2, 29, 0, 0, 0, DateTimeKind.Utc);

        Workload.AgeAt(birthDate, new DateTime(year, month, day, 12, 0, 0, DateTimeKind.Utc)).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_BornOnLeapDay_TurnsEighteenOnMarchFirst()
    {
        var customer = Plain();
        customer.City = "Tokyo";
        customer.BirthDate = new DateTime(2008, 2, 29, 0, 0, 0, DateTimeKind.Utc);

        IsIn(customer, HandWrittenSegments.YoungUrban, new DateTime(2026, 2, 28, 23, 59, 59, DateTimeKind.Utc)).Should().BeFalse();
        IsIn(customer, HandWrittenSegments.YoungUrban, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)).Should().BeTrue();
    }

    [Theory]
    [InlineData("GR", true)]
    [InlineData("DE", true)]
    [InlineData("GB", false)]
    [InlineData("CH", false)]
    public void Evaluate_Country_EuIsTheTwentySevenMembers(string country, bool expected)
    {
        var customer = Plain();
        customer.Country = country;

        IsIn(customer, HandWrittenSegments.Eu).Should().Be(expected);
        Workload.EuCountries.Should().HaveCount(27);
    }

    [Fact]
    public void Evaluate_OutdoorInterest_IsOutdoor()
    {
        var customer = Plain();
        customer.Interests.Add(Workload.Outdoor);

        IsIn(customer, HandWrittenSegments.OutdoorSegment).Should().BeTrue();
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-1, false)]
    public void Evaluate_TwoOutdoorOrders_IsOutdoorOnlyInsideTheWindow(long ticksLater, bool expected)
    {
        var customer = Plain();
        customer.Orders.AddRange([
            OrderAt(DaysAgo(5), category: Workload.Outdoor),
            OrderAt(DaysAgo(180).AddTicks(1 + ticksLater), category: Workload.Outdoor),
            OrderAt(DaysAgo(1), category: "books")]);

        IsIn(customer, HandWrittenSegments.OutdoorSegment).Should().Be(expected);
    }

    [Theory]
    [InlineData(11, true)]
    [InlineData(10, false)]
    public void Evaluate_BirthMonth_IsBirthdayMonthInTheAsOfMonth(int month, bool expected)
    {
        var customer = Plain();
        customer.BirthDate = new DateTime(1990, month, 30, 0, 0, 0, DateTimeKind.Utc);

        IsIn(customer, HandWrittenSegments.BirthdayMonth).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_TwoClicksInTheMonth_IsEmailEngaged()
    {
        var customer = Plain();
        customer.Events.AddRange([EventAt(AsOf, EventTypes.EmailClick), EventAt(DaysAgo(30).AddTicks(1), EventTypes.EmailClick)]);

        IsIn(customer, HandWrittenSegments.EmailEngaged).Should().BeTrue();
    }

    [Fact]
    public void Evaluate_ClickAfterAsOfOrOnTheBoundary_IsNotEmailEngaged()
    {
        var customer = Plain();
        customer.Events.AddRange([
            EventAt(DaysAgo(3), EventTypes.EmailClick), EventAt(AsOf.AddTicks(1), EventTypes.EmailClick),
            EventAt(DaysAgo(30), EventTypes.EmailClick), EventAt(DaysAgo(3), EventTypes.EmailOpen)]);

        IsIn(customer, HandWrittenSegments.EmailEngaged).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_HighValueAndChurnRisk_IsVipAtRisk()
    {
        var customer = Plain();
        customer.Orders.AddRange([OrderAt(DaysAgo(100), 400m), OrderAt(DaysAgo(200), 400m), OrderAt(DaysAgo(300), 400m)]);

        var memberships = Evaluate(customer);

        memberships[HandWrittenSegments.HighValue].Should().BeTrue();
        memberships[HandWrittenSegments.ChurnRisk].Should().BeTrue();
        memberships[HandWrittenSegments.VipAtRisk].Should().BeTrue();
    }

    [Fact]
    public void Evaluate_HighValueWithRecentOrder_IsNotVipAtRisk()
    {
        var customer = Plain();
        customer.Orders.AddRange([OrderAt(DaysAgo(10), 400m), OrderAt(DaysAgo(200), 400m), OrderAt(DaysAgo(300), 400m)]);

        IsIn(customer, HandWrittenSegments.VipAtRisk).Should().BeFalse();
    }

    [Fact]
    public void Evaluate_ListOrder_DoesNotChangeMemberships()
    {
        foreach (var customer in WorkloadGenerator.Generate(500, seed: 11))
        {
            var before = Evaluate(customer);
            customer.Orders.Reverse();
            customer.Events.Reverse();

            Evaluate(customer).Should().Equal(before, because: customer.Id);
        }
    }

    [Fact]
    public void Evaluate_TenThousandCustomers_EverySegmentIsNeitherEmptyNorUniversal()
    {
        var sizes = SegmentSizes(WorkloadGenerator.Generate(10_000));

        for (var i = 0; i < sizes.Length; i++)
        {
            sizes[i].Should().BeInRange(1, 9_999, because: HandWrittenSegments.Ids[i]);
        }
    }

    [Fact]
    public void Evaluate_TenThousandCustomersSeed42_SizesAreTheRecordedOnes()
    {
        var sizes = SegmentSizes(WorkloadGenerator.Generate(10_000));

        // Recorded from the generator; the benchmarks' --verify check reports the same numbers for RulesEngine.
        sizes.Should().Equal(2379, 280, 1875, 1239, 1737, 2927, 583, 5020, 2235, 1514, 2542, 343);
    }

    private static int[] SegmentSizes(Customer[] customers)
    {
        var sizes = new int[HandWrittenSegments.Count];
        var memberships = new bool[HandWrittenSegments.Count];
        foreach (var customer in customers)
        {
            HandWrittenSegments.Evaluate(customer, Workload.AsOf, memberships);
            for (var i = 0; i < sizes.Length; i++)
            {
                sizes[i] += memberships[i] ? 1 : 0;
            }
        }

        return sizes;
    }
}
