using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Tests.Support;
using Segmentation.NRules.Engine;

namespace Segmentation.NRules.Tests.Engine;

/// <summary>
/// Edges of the semantics the NRules backend takes from the native engine's leaves: the next anniversary late in year
/// 9,999 (in year 10,000, past <see cref="DateTime"/>'s range), and lifted operators whose right operand throws (in
/// conditions and in the profile id).
/// </summary>
public sealed class NativeEdgeAgreementTests
{
    private static readonly DateTime Day = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Evaluate_AnniversaryAtEitherEndOfTheRange_CountsTheDaysAsTheNativeEngine()
    {
        // Arrange: as of 31 December 9,999 a 1 January birthday is 1 day away (in year 10,000), a 29 February one 60
        var catalog = SegmentCatalog.Create<Person>(
            s =>
            {
                var birthday = s.Date(p => p.BirthDate);
                s.Segment("tomorrow").When(birthday.DaysUntilAnniversary.EqualTo(1));
                s.Segment("in-60-days").When(birthday.DaysUntilAnniversary.EqualTo(60));
                s.Segment("within-week").When(birthday.AnniversaryWithin(7));
                s.Segment("adult").When(s.Age(p => p.BirthDate).AtLeast(18));
            },
            "anniversaries");
        var native = SegmentEngine.Compile(catalog);
        var nrules = NRulesSegmentEngine.Compile(catalog);
        var cases = new (DateTime Birth, DateTimeOffset AsOf, string[] In)[]
        {
            (new DateTime(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), ["tomorrow", "within-week", "adult"]),
            (new DateTime(2000, 2, 29, 0, 0, 0, DateTimeKind.Utc), DateTimeOffset.MaxValue, ["in-60-days", "adult"]),
            (new DateTime(2000, 1, 2, 0, 0, 0, DateTimeKind.Utc), DateTimeOffset.MinValue, ["tomorrow", "within-week"]),
        };

        foreach (var (birth, asOf, expectedIn) in cases)
        {
            // Act
            var person = new Person { BirthDate = birth };
            var actual = nrules.Evaluate(person, asOf);

            // Assert
            actual.HasFaults.Should().BeFalse($"{birth:d} as of {asOf:O}: {actual}");
            States(native, actual).Should().Equal(States(native, native.Evaluate(person, asOf)));
            native.MembershipIds.Where(actual.IsIn).Should().Equal(expectedIn, $"{birth:d} as of {asOf:O}");
        }
    }

    [Fact]
    public void Evaluate_LiftedOperatorWhoseRightOperandThrows_FaultsAsTheNativeEngineAndCSharp()
    {
        // Arrange: null left operands, right operands that throw (asOf.AddDays(-30) as of MinValue, a division by zero)
        var catalog = SegmentCatalog.Create<Visitor>(
            s =>
            {
                var shipments = s.Dated(v => v.Shipments, o => o.At);
                s.Segment("seen").When(s.Where((v, asOf) => v.LastSeen > asOf.AddDays(-30)));
                s.Segment("credit").When(s.Value(v => v.Credit - (100m / v.Divisor)).AtLeast(0));
                s.Segment("shipped-late").When(shipments.Count(o => o.ShippedAt > o.Placed.AddDays(-30)).Ever().AtLeast(1));
                s.Segment("plain").When(s.Where(v => v.Credit > 5m));
            },
            "lifted");
        var native = SegmentEngine.Compile(catalog, new SegmentEngineOptions { CodeGeneration = CodeGeneration.BeforeReturn });
        var nrules = NRulesSegmentEngine.Compile(catalog);
        var visitor = new Visitor { Divisor = 0m, Shipments = [new Shipment(Day, ShippedAt: null, Placed: DateTime.MinValue)] };
        var asOf = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

        // Act
        var atStart = nrules.Evaluate(visitor, DateTimeOffset.MinValue);
        var later = nrules.Evaluate(visitor, asOf);

        // Assert
        atStart.StateOf("seen").Should().Be(SegmentState.Faulted);
        new[] { later.StateOf("seen"), later.StateOf("credit"), later.StateOf("shipped-late"), later.StateOf("plain") }
            .Should().Equal(SegmentState.Out, SegmentState.Faulted, SegmentState.Faulted, SegmentState.Out);
        States(native, atStart).Should().Equal(States(native, native.Evaluate(visitor, DateTimeOffset.MinValue)));
        States(native, later).Should().Equal(States(native, native.Evaluate(visitor, asOf)));
    }

    [Fact]
    public void Evaluate_ProfileIdWithLiftedOperatorWhoseRightOperandThrows_GivesTheNativeEnginesId()
    {
        // Arrange: a null credit and a zero divisor: C# divides (and throws) even though the sum is null either way.
        var catalog = SegmentCatalog.Create<Visitor>(
            s =>
            {
                s.IdentifiedBy(v => v.Id + (v.Credit + (100m / v.Divisor)));
                s.Segment("plain").When(s.Where(v => v.Divisor == 0m));
            },
            "lifted-id");
        var native = SegmentEngine.Compile(catalog);
        var nrules = NRulesSegmentEngine.Compile(catalog);
        var throwing = new Visitor { Id = "v7", Divisor = 0m };
        var quiet = new Visitor { Id = "v8", Divisor = 4m };

        // Act
        var nativeIds = new[] { native.Evaluate(throwing, Scenario.AsOf).ProfileId, native.Evaluate(quiet, Scenario.AsOf).ProfileId };
        var nrulesIds = new[] { nrules.Evaluate(throwing, Scenario.AsOf).ProfileId, nrules.Evaluate(quiet, Scenario.AsOf).ProfileId };

        // Assert
        nativeIds.Should().Equal([null, "v8"], "the id's lambda throws for the first visitor, as in C#");
        nrulesIds.Should().Equal(nativeIds);
    }

    private static SegmentState[] States<TProfile>(SegmentEngine<TProfile> engine, SegmentationResult result) =>
        [.. engine.MembershipIds.Select(result.StateOf)];
}
