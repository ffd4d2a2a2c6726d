using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;

namespace Segmentation.Core.Tests.Support;

/// <summary>A small profile type for hand-built scenarios.</summary>
public sealed class Person
{
    public string Id { get; init; } = "p1";

    public DateTime BirthDate { get; set; } = new(1980, 5, 5, 0, 0, 0, DateTimeKind.Utc);

    public DateTime? SignedUp { get; set; }

    public string? City { get; set; } = "Oslo";

    public int? Nps { get; set; }

    public List<Fact>? Facts { get; set; } = [];

    public List<Visit> Visits { get; set; } = [];
}

/// <summary>A dated fact with a <see cref="DateTime"/>.</summary>
public sealed record Fact(DateTime At, decimal Amount = 1m, string Kind = "a");

/// <summary>A dated fact with a <see cref="DateTimeOffset"/>.</summary>
public sealed record Visit(DateTimeOffset At, string Page = "home");

/// <summary>Shared instants and helpers.</summary>
public static class Scenario
{
    /// <summary>The as-of instant of every scenario: 2026-11-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTime AsOfUtc => AsOf.UtcDateTime;

    public static DateTime DaysAgo(double days) => AsOfUtc.AddDays(-days);

    public static Person With(params Fact[] facts) => new() { Facts = [.. facts] };

    public static SegmentEngine<Person> Compile(Action<ICatalogBuilder<Person>> define, SegmentEngineOptions? options = null) =>
        SegmentEngine.Compile(SegmentCatalog.Create(define, "test"), options);

    /// <summary>Compiles one segment <c>x</c> with the condition and evaluates it.</summary>
    public static SegmentState StateOf(Person person, Func<ICatalogBuilder<Person>, DatedCollection<Person, Fact>, Condition<Person>> condition, DateTimeOffset? asOf = null)
    {
        var engine = Compile(s => s.Segment("x").When(condition(s, s.Dated(p => p.Facts, f => f.At))));
        return engine.Evaluate(person, asOf ?? AsOf).StateOf("x");
    }

    public static bool Holds(Person person, Func<ICatalogBuilder<Person>, DatedCollection<Person, Fact>, Condition<Person>> condition, DateTimeOffset? asOf = null) =>
        StateOf(person, condition, asOf) == SegmentState.In;

    /// <summary>Whether a measure has a value: equal to 0 or not equal to 0 (both are false for no value).</summary>
    public static Condition<Person> HasValue(Measure<Person> measure) => measure.EqualTo(0) | measure.NotEqualTo(0);
}
