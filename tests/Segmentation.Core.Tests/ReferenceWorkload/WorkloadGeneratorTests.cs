using Segmentation.ReferenceWorkload;

namespace Segmentation.Core.Tests.ReferenceWorkload;

public sealed class WorkloadGeneratorTests
{
    private static readonly Customer[] Customers = WorkloadGenerator.Generate(10_000);

    [Fact]
    public void Generate_SameSeed_GivesSameCustomers()
    {
        var first = WorkloadGenerator.Generate(500, seed: 3);
        var second = WorkloadGenerator.Generate(500, seed: 3);

        first.Should().BeEquivalentTo(second, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Generate_DifferentSeed_GivesDifferentCustomers()
    {
        var first = WorkloadGenerator.Generate(50, seed: 3);
        var second = WorkloadGenerator.Generate(50, seed: 4);

        first.Select(c => c.BirthDate).Should().NotEqual(second.Select(c => c.BirthDate));
    }

    [Fact]
    public void Generate_Count_GivesSequentialIds()
    {
        var customers = WorkloadGenerator.Generate(3);

        customers.Select(c => c.Id).Should().Equal("c000001", "c000002", "c000003");
    }

    [Fact]
    public void Generate_TenThousand_AboutThirtyPercentHaveNoVisibleOrders()
    {
        var withoutOrders = Customers.Count(c => c.Orders.TrueForAll(o => o.At > Workload.AsOfUtc));

        (withoutOrders / (double)Customers.Length).Should().BeInRange(0.27, 0.33);
    }

    [Fact]
    public void Generate_TenThousand_OrdersFollowTheSpecification()
    {
        var buyers = Customers.Where(c => c.Orders.Exists(o => o.At <= Workload.AsOfUtc)).ToList();
        var orders = Customers.SelectMany(c => c.Orders).ToList();

        buyers.Should().OnlyContain(c => c.Orders.Count >= 1 && c.Orders.Count <= 25);
        orders.Should().OnlyContain(o => o.Amount >= 5m && o.Amount <= 400m && decimal.Round(o.Amount, 2) == o.Amount);
        orders.Should().OnlyContain(o => o.At > Workload.AsOfUtc.AddDays(-3 * 365) && o.At <= Workload.AsOfUtc.AddDays(30));
        orders.Select(o => o.Category).Distinct().Should().BeEquivalentTo(Workload.Categories);
        orders.Should().OnlyContain(o => o.At.Kind == DateTimeKind.Utc);
    }

    [Fact]
    public void Generate_TenThousand_DemographicsFollowTheSpecification()
    {
        var cityCountry = Workload.Cities.ToDictionary(c => c.City, c => c.Country);

        Customers.Should().OnlyContain(c => Workload.AgeAt(c.BirthDate, Workload.AsOfUtc) >= 16
            && Workload.AgeAt(c.BirthDate, Workload.AsOfUtc) <= 80);
        Customers.Should().OnlyContain(c => c.BirthDate.Kind == DateTimeKind.Utc && c.BirthDate.TimeOfDay == TimeSpan.Zero);
        Customers.Select(c => c.Country).Distinct().Should().BeEquivalentTo(Workload.Countries);
        Customers.Should().OnlyContain(c => cityCountry[c.City] == c.Country);
        Customers.Should().OnlyContain(c => c.Interests.Count <= 4 && c.Interests.All(i => Workload.Interests.Contains(i)));
        Customers.Should().OnlyContain(c => c.NpsScore == null || (c.NpsScore >= 0 && c.NpsScore <= 10));
        (Customers.Count(c => c.NpsScore == null) / (double)Customers.Length).Should().BeInRange(0.47, 0.53);
    }

    [Fact]
    public void Generate_TenThousand_EventsFollowTheSpecification()
    {
        Customers.Should().OnlyContain(c => c.Events.Count <= 60);
        Customers.SelectMany(c => c.Events).Should()
            .OnlyContain(e => e.At > Workload.AsOfUtc.AddDays(-120) && e.At <= Workload.AsOfUtc.AddDays(30));
        Customers.SelectMany(c => c.Events).Select(e => e.Type).Distinct().Should().BeEquivalentTo(EventTypes.All);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(365)]
    public void Generate_TenThousand_PlantsOrdersOnWindowBoundaries(int days)
    {
        var boundary = Workload.AsOfUtc.AddDays(-days);
        var orders = Customers.SelectMany(c => c.Orders).ToList();

        orders.Should().Contain(o => o.At == boundary);
        orders.Should().Contain(o => o.At == boundary.AddTicks(1));
        orders.Should().Contain(o => o.At == boundary.AddTicks(-1));
    }

    [Fact]
    public void Generate_TenThousand_PlantsFactsAtAndAfterAsOf()
    {
        var orders = Customers.SelectMany(c => c.Orders).ToList();
        var events = Customers.SelectMany(c => c.Events).ToList();

        orders.Should().Contain(o => o.At == Workload.AsOfUtc);
        orders.Should().Contain(o => o.At > Workload.AsOfUtc);
        events.Should().Contain(e => e.At == Workload.AsOfUtc);
        events.Should().Contain(e => e.At > Workload.AsOfUtc);
        Customers.Should().Contain(c => c.Orders.Count == 1 && c.Orders[0].At > Workload.AsOfUtc);
    }

    [Fact]
    public void Generate_TenThousand_PlantsBirthdaysOnTheEdges()
    {
        var today = Workload.AsOfUtc.Date;

        Customers.Should().Contain(c => c.BirthDate == today.AddYears(-18));
        Customers.Should().Contain(c => c.BirthDate == today.AddYears(-18).AddDays(1));
        Customers.Should().Contain(c => c.BirthDate == today.AddYears(-30));
        Customers.Should().Contain(c => c.BirthDate == today.AddYears(-30).AddDays(1));
        Customers.Should().Contain(c => c.BirthDate.Month == 2 && c.BirthDate.Day == 29);
    }

    [Fact]
    public void Generate_TenThousand_ListsAreNotAllSorted()
    {
        var withSeveral = Customers.Where(c => c.Orders.Count >= 3).ToList();

        withSeveral.Should().Contain(c => Sorted(c.Orders));
        withSeveral.Should().Contain(c => !Sorted(c.Orders));
    }

    private static bool Sorted(List<Order> orders) => orders.Zip(orders.Skip(1)).All(p => p.First.At <= p.Second.At);
}
