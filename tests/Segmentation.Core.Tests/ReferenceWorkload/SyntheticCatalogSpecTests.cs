using Segmentation.ReferenceWorkload;
using static Segmentation.Core.Tests.ReferenceWorkload.Profiles;

namespace Segmentation.Core.Tests.ReferenceWorkload;

public sealed class SyntheticCatalogSpecTests
{
    [Fact]
    public void Generate_SameSeed_GivesSameSpecs()
    {
        SyntheticCatalogSpec.Generate(200, seed: 5).Select(s => s.ToString())
            .Should().Equal(SyntheticCatalogSpec.Generate(200, seed: 5).Select(s => s.ToString()));
    }

    [Fact]
    public void Generate_Thousand_ConjunctionsOfTwoOrThreeDistinctKinds()
    {
        var specs = SyntheticCatalogSpec.Generate(1000);

        specs.Select(s => s.Id).Should().StartWith(["syn-0001", "syn-0002"]).And.OnlyHaveUniqueItems();
        specs[^1].Id.Should().Be("syn-1000");
        specs.Should().OnlyContain(s => s.Predicates.Count >= 2 && s.Predicates.Count <= 3);
        specs.Should().OnlyContain(s => s.Predicates.Select(p => p.Kind).Distinct().Count() == s.Predicates.Count);
    }

    [Fact]
    public void Generate_Thousand_SegmentsSharePredicates()
    {
        var predicates = SyntheticCatalogSpec.Generate(1000).SelectMany(s => s.Predicates).ToList();

        predicates.Select(p => p.ToString()).Distinct().Count().Should().BeLessThan(60);
        predicates.Select(p => p.WindowDays).Where(d => d > 0).Distinct().Should().BeEquivalentTo([30, 90, 180, 365]);
    }

    [Fact]
    public void Evaluate_AllPredicatesHold_IsMember()
    {
        var customer = Plain();
        customer.Country = "FR";
        customer.BirthDate = AsOf.Date.AddYears(-25);
        customer.Orders.AddRange([OrderAt(DaysAgo(30).AddTicks(1), 60m), OrderAt(AsOf, 40m), OrderAt(AsOf.AddTicks(1), 500m)]);
        var spec = new SyntheticSegmentSpec("syn-x", [
            SyntheticPredicate.AgeBetween(25, 34), SyntheticPredicate.CountryIn(["DE", "FR"]),
            SyntheticPredicate.OrderCountAtLeast(2, 30), SyntheticPredicate.OrderSpendAtLeast(100m, 30)]);

        HandWrittenSynthetic.Evaluate(customer, Workload.AsOf, spec).Should().BeTrue();
    }

    [Theory]
    [InlineData(SyntheticPredicateKind.AgeBetween)]
    [InlineData(SyntheticPredicateKind.CountryIn)]
    [InlineData(SyntheticPredicateKind.OrderCountAtLeast)]
    [InlineData(SyntheticPredicateKind.OrderSpendAtLeast)]
    public void Evaluate_OnePredicateFails_IsNotMember(SyntheticPredicateKind failing)
    {
        var customer = Plain();
        customer.Country = "FR";
        customer.BirthDate = AsOf.Date.AddYears(-35).AddDays(1);
        customer.Orders.AddRange([OrderAt(DaysAgo(30), 500m), OrderAt(DaysAgo(1), 99.99m)]);
        SyntheticPredicate[] predicates = failing switch
        {
            SyntheticPredicateKind.AgeBetween => [SyntheticPredicate.AgeBetween(35, 44)],
            SyntheticPredicateKind.CountryIn => [SyntheticPredicate.CountryIn(["DE", "IT"])],
            SyntheticPredicateKind.OrderCountAtLeast => [SyntheticPredicate.OrderCountAtLeast(2, 30)],
            _ => [SyntheticPredicate.OrderSpendAtLeast(100m, 30)],
        };
        var spec = new SyntheticSegmentSpec("syn-x", [SyntheticPredicate.AgeBetween(25, 34), .. predicates]);

        HandWrittenSynthetic.Evaluate(customer, Workload.AsOf, spec).Should().BeFalse();
        HandWrittenSynthetic.Evaluate(customer, Workload.AsOf, spec with { Predicates = [SyntheticPredicate.AgeBetween(25, 34)] })
            .Should().BeTrue();
    }
}
