using System.Collections;
using System.Collections.Immutable;
using System.Linq.Expressions;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Tests.Support;
using Segmentation.Core.Tracking;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// Dated collections of every shape a profile may hold them in: each tier gives the answers plain C# gives, a missing
/// or broken collection faults the same way everywhere, and the buffer API allocates nothing per profile unless the
/// collection itself does (a lazy sequence).
/// </summary>
public sealed class CollectionShapeTests
{
    private static readonly IReadOnlyList<string> Tiers = EngineTiers.All;

    private static readonly string[] Shapes =
        ["array", "list", "derived-list", "read-only-list", "read-only-collection", "immutable-array", "hash-set", "immutable-list", "linked-list", "dictionary-values", "user-struct", "odd-bag", "lazy"];

    /// <summary>Shapes whose own enumeration allocates: a lazy sequence, an enumerator behind an interface, a boxed value-type collection.</summary>
    private static readonly string[] Allocating = ["lazy", "read-only-collection", "user-struct", "odd-bag"];

    public static TheoryData<string, string> ShapesOnTiers()
    {
        var data = new TheoryData<string, string>();
        foreach (var shape in Shapes)
        {
            foreach (var tier in Tiers)
            {
                data.Add(shape, tier);
            }
        }

        return data;
    }

    public static TheoryData<string> AllocationFreeShapes() => [.. Shapes.Except(Allocating)];

    public static TheoryData<string> EveryTier() => [.. Tiers];

    [Theory]
    [MemberData(nameof(EveryTier))]
    public void Evaluate_ListSubclassWithItsOwnEnumerator_IsReadByIndexOnEveryPathIncludingFaultIsolation(string tier)
    {
        // A throwing filter in another segment sends the scan through fault isolation, which reads the list again.
        var engine = SegmentEngine.Compile(
            SegmentCatalog.Create<Person>(
                s =>
                {
                    var facts = s.Dated(p => p.Facts, f => f.At);
                    s.Segment("three").When(facts.Count().InLast(30).AtLeast(3));
                    s.Segment("boom").When(facts.Count(f => Boom(f)).Ever().AtLeast(1));
                },
                "hiding"),
            EngineTiers.Options(tier));
        var quiet = new Person { Facts = new HidingList { new(Scenario.DaysAgo(1), 10m, "web"), new(Scenario.DaysAgo(2), -5m, "web"), new(Scenario.DaysAgo(3), 1m, "web") } };
        var faulting = new Person { Facts = new HidingList { new(Scenario.DaysAgo(1), 10m, "web"), new(Scenario.DaysAgo(2), -5m, "web"), new(Scenario.DaysAgo(3), 1m, "boom") } };

        engine.Evaluate(quiet, Scenario.AsOf).IsIn("three").Should().BeTrue(tier);
        var result = engine.Evaluate(faulting, Scenario.AsOf);

        result.IsIn("three").Should().BeTrue($"every path reads the list by index, as the fast scan does ({tier})");
        result.StateOf("boom").Should().Be(SegmentState.Faulted);
        engine.ValidUntil(quiet, "three", Scenario.AsOf).ValidUntil.Should().Be(new DateTimeOffset(Scenario.DaysAgo(3)).AddDays(30), "valid-until reads the same three facts");
    }

    [Theory]
    [MemberData(nameof(ShapesOnTiers))]
    public void Evaluate_CollectionOfEveryShape_AgreesWithPlainCSharp(string shape, string tier)
    {
        // Arrange
        var engine = SegmentEngine.Compile(Catalog(shape), EngineTiers.Options(tier));
        var buffer = new SegmentState[engine.MembershipIds.Count];

        foreach (var facts in FactLists())
        {
            var holder = new Holder(facts);

            // Act
            engine.Evaluate(holder, Scenario.AsOf, buffer).Should().BeTrue();

            // Assert: an odd bag is walked through its IEnumerable<T>, as the interpreter does, never its public enumerator
            buffer[engine.IndexOf("busy")].Should().Be(State(facts.Count(f => Within(f, 30)) >= 2), $"{shape} on {tier}");
            buffer[engine.IndexOf("spender")].Should().Be(State(facts.Where(f => f.At <= Scenario.AsOfUtc).Sum(f => f.Amount) >= 10m), $"{shape} on {tier}");
            buffer[engine.IndexOf("recent-a")].Should().Be(State(facts.Any(f => Within(f, 90) && f.Kind == "a")), $"{shape} on {tier}");
        }
    }

    [Theory]
    [MemberData(nameof(AllocationFreeShapes))]
    public void Evaluate_BufferApi_AllocatesNothingPerProfileWhateverTheCollectionsShape(string shape)
    {
        foreach (var tier in Tiers.Where(t => t != EngineTiers.Interpreted))
        {
            // Arrange
            var engine = SegmentEngine.Compile(Catalog(shape), EngineTiers.Options(tier));
            var holders = FactLists().Select(f => new Holder(f)).ToArray();
            var buffer = new SegmentState[engine.MembershipIds.Count];

            // Act
            var allocated = EngineTiers.AllocatedPerPass(holders, h => engine.Evaluate(h, Scenario.AsOf, buffer));

            // Assert: from the first calls on (non-collectible loops are still unoptimized here)
            allocated.Should().Be(0, $"{shape} on {tier}");
        }
    }

    [Fact]
    public void Compile_NonCollectibleCode_EmitsTheLoopOfEveryShapeAsATieredMethod()
    {
        foreach (var shape in Shapes)
        {
            var engine = SegmentEngine.Compile(Catalog(shape), EngineTiers.Options(EngineTiers.NonCollectible));

            var loop = engine.Tier.Network.Collections.Should().ContainSingle().Subject;
            loop.LoopNotEmittedBecause.Should().BeNull(shape);
            loop.HasTieredLoop.Should().BeTrue(shape);
        }
    }

    [Theory]
    [InlineData("null")]
    [InlineData("default-immutable-array")]
    public void Evaluate_MissingOrBrokenCollection_FaultsItsSegmentsAlikeOnEveryTier(string shape)
    {
        var faults = new List<string>();
        foreach (var tier in Tiers)
        {
            // Arrange
            var engine = SegmentEngine.Compile(Catalog(shape), EngineTiers.Options(tier));

            // Act
            var result = engine.Evaluate(new Holder([new Fact(Scenario.DaysAgo(1))]), Scenario.AsOf);

            // Assert
            result.StateOf("busy").Should().Be(SegmentState.Faulted, tier);
            faults.Add(result.Faults.Single(f => f.SegmentId == "busy").Exception.GetType().Name + ": " + result.Faults.Single(f => f.SegmentId == "busy").Exception.Message);
        }

        faults.Distinct().Should().ContainSingle("every tier reports the same fault");
    }

    [Theory]
    [InlineData("array")]
    [InlineData("list")]
    [InlineData("immutable-array")]
    [InlineData("hash-set")]
    public void Evaluate_NullElementInTheCollection_FaultsTheSegmentsThatReadItAlikeOnEveryTier(string shape)
    {
        var faults = new List<string>();
        foreach (var tier in Tiers)
        {
            // Arrange: a null among the facts (its date cannot be read); "adult" does not read the collection
            var catalog = SegmentCatalog.Create<Holder>(
                s =>
                {
                    var facts = s.Dated(Selector(shape), f => f.At);
                    s.Segment("busy").When(facts.Count().InLast(30).AtLeast(2));
                    s.Segment("known").When(s.Where(h => h.Array.Length >= 0));
                },
                $"null-element-{shape}");
            var engine = SegmentEngine.Compile(catalog, EngineTiers.Options(tier));
            var holder = new Holder([new Fact(Scenario.DaysAgo(1)), null!, new Fact(Scenario.DaysAgo(2))]);
            var buffer = new SegmentState[engine.MembershipIds.Count];

            // Act
            var decided = engine.Evaluate(holder, Scenario.AsOf, buffer);
            var result = engine.Evaluate(holder, Scenario.AsOf);

            // Assert
            decided.Should().BeFalse(tier);
            buffer[engine.IndexOf("busy")].Should().Be(SegmentState.Faulted, tier);
            result.StateOf("known").Should().Be(SegmentState.In, tier);
            var fault = result.Faults.Should().ContainSingle(tier).Which;
            faults.Add($"{fault.SegmentId} {fault.Exception.GetType().Name}");
        }

        faults.Distinct().Should().Equal("busy NullReferenceException");
    }

    [Theory]
    [InlineData("array", "Array")]
    [InlineData("list", "List")]
    [InlineData("derived-list", "Interface")]
    [InlineData("read-only-list", "Interface")]
    [InlineData("read-only-collection", "Interface")]
    [InlineData("immutable-array", "Pattern")]
    [InlineData("hash-set", "Pattern")]
    [InlineData("immutable-list", "Pattern")]
    [InlineData("linked-list", "Pattern")]
    [InlineData("dictionary-values", "Pattern")]
    [InlineData("user-struct", "Interface")]
    [InlineData("odd-bag", "Interface")]
    [InlineData("lazy", "Interface")]
    public void Over_StaticTypeOfTheCollection_ChoosesHowTheLoopWalksIt(string shape, string strategy)
    {
        var holder = Expression.Parameter(typeof(Holder), "h");
        var items = new ParameterSwap(Selector(shape).Parameters[0], holder).Visit(Selector(shape).Body);

        CollectionLoop.Over(items, typeof(Fact)).Strategy.Should().Be(strategy);
    }

    private static SegmentState State(bool member) => member ? SegmentState.In : SegmentState.Out;

    private static bool Within(Fact fact, int days) => fact.At <= Scenario.AsOfUtc && fact.At > Scenario.DaysAgo(days);

    private static SegmentCatalog<Holder> Catalog(string shape) => SegmentCatalog.Create<Holder>(
        s =>
        {
            var facts = s.Dated(Selector(shape), f => f.At);
            s.Segment("busy").When(facts.Count().InLast(30).AtLeast(2));
            s.Segment("spender").When(facts.Sum(f => f.Amount).Ever().AtLeast(10));
            s.Segment("recent-a").When(facts.Any(f => f.Kind == "a").InLast(90));
        },
        $"shape-{shape}");

    private static Expression<Func<Holder, IEnumerable<Fact>?>> Selector(string shape) => shape switch
    {
        "array" => h => h.Array,
        "list" => h => h.List,
        "derived-list" => h => h.Derived,
        "read-only-list" => h => h.ReadOnly,
        "read-only-collection" => h => h.ReadOnlyCollection,
        "immutable-array" => h => h.Immutable,
        "hash-set" => h => h.Set,
        "immutable-list" => h => h.ImmutableList,
        "linked-list" => h => h.Linked,
        "dictionary-values" => h => h.ById.Values,
        "user-struct" => h => h.UserStruct,
        "odd-bag" => h => h.Odd,
        "lazy" => h => h.Lazy,
        "null" => h => h.Missing,
        "default-immutable-array" => h => h.DefaultImmutable,
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    private static List<List<Fact>> FactLists()
    {
        var random = new Random(17);
        return [.. Enumerable.Range(0, 60).Select(_ => Enumerable.Range(0, random.Next(0, 9))
            .Select(_ => new Fact(Scenario.DaysAgo(random.Next(-5, 200) + random.NextDouble()), random.Next(0, 6), random.Next(3) == 0 ? "a" : "b"))
            .ToList())];
    }

    /// <summary>One profile holding the same facts in every shape.</summary>
    public sealed class Holder(List<Fact> facts)
    {
        public Fact[] Array { get; } = [.. facts];

        public List<Fact> List { get; } = [.. facts];

        public FactList Derived { get; } = [.. facts];

        public IReadOnlyList<Fact> ReadOnly { get; } = facts.ToList();

        public System.Collections.ObjectModel.ReadOnlyCollection<Fact> ReadOnlyCollection { get; } = facts.AsReadOnly();

        public ImmutableArray<Fact> Immutable { get; } = [.. facts];

        public HashSet<Fact> Set { get; } = new(facts, ReferenceEqualityComparer.Instance);

        public ImmutableList<Fact> ImmutableList { get; } = [.. facts];

        public LinkedList<Fact> Linked { get; } = new(facts);

        public Dictionary<int, Fact> ById { get; } = facts.Select((f, i) => (f, i)).ToDictionary(p => p.i, p => p.f);

        public FactStruct UserStruct { get; } = new([.. facts]);

        public OddBag Odd { get; } = new([.. facts]);

        public IEnumerable<Fact> Lazy => facts.Where(_ => true);

        public List<Fact>? Missing => null;

        public ImmutableArray<Fact> DefaultImmutable => default;
    }

    /// <summary>A list type that implements <see cref="IEnumerable{T}"/> anew, hiding facts with a negative amount.</summary>
    public sealed class HidingList : List<Fact>, IEnumerable<Fact>
    {
        IEnumerator<Fact> IEnumerable<Fact>.GetEnumerator() => this.Where(f => f.Amount >= 0).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<Fact>)this).GetEnumerator();
    }

    private static bool Boom(Fact fact) => fact.Kind == "boom" ? throw new InvalidOperationException("boom") : true;

    /// <summary>A user's list type.</summary>
    public sealed class FactList : List<Fact>;

    /// <summary>A user's value-type collection.</summary>
    public readonly struct FactStruct(Fact[] facts) : IEnumerable<Fact>
    {
        public IEnumerator<Fact> GetEnumerator() => ((IEnumerable<Fact>)facts).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A user's collection whose public enumerator (every other fact) is not its <see cref="IEnumerable{T}"/> one (all of them).</summary>
    public sealed class OddBag(Fact[] facts) : IEnumerable<Fact>
    {
        public Enumerator GetEnumerator() => new(facts);

        IEnumerator<Fact> IEnumerable<Fact>.GetEnumerator() => ((IEnumerable<Fact>)facts).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<Fact>)this).GetEnumerator();

        /// <summary>Every other fact.</summary>
        public struct Enumerator(Fact[] facts)
        {
            private int index = -2;

            public readonly Fact Current => facts[index];

            public bool MoveNext() => (index += 2) < facts.Length;
        }
    }

    private sealed class ParameterSwap(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
