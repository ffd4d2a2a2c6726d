using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Model;
using Segmentation.Core.Tests.Support;
using Segmentation.Core.Tracking;
using Segmentation.Core.Validation;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// Deep inputs never overflow the stack: each scenario runs on a thread with a 1 MB stack (the Windows default; Linux
/// gives secondary threads 1.5 MB), so a recursion whose depth grows with the input would crash the test process.
/// </summary>
public sealed class DeepInputTests
{
    private const int ChainLength = 10_000;

    [Fact]
    public void Explain_LastSegmentOfTenThousandLongReferenceChain_ExplainsEveryLink()
    {
        OnSmallStack(() =>
        {
            var engine = Chain(ChainLength);
            var person = Scenario.With(new Fact(Scenario.DaysAgo(3)));
            var last = $"s{ChainLength - 1}";

            engine.Evaluate(person, Scenario.AsOf).IsIn(last).Should().BeTrue();
            var explanation = engine.Explain(person, last, Scenario.AsOf);

            explanation.Subject.Should().Be(last);
            explanation.Outcome.Should().Be(ExplanationOutcome.Yes);
            var node = explanation;
            for (var depth = 0; depth < ChainLength; depth++)
            {
                node.Children.Should().ContainSingle();
                node = node.Children[0];
                if (depth < ChainLength - 1)
                {
                    node.Line.Should().Be($"in s{ChainLength - 2 - depth}: yes");
                }
            }

            node.Line.Should().Be("count(facts) in last 30 days = 1, needs >= 1: yes");
            node.Children.Should().BeEmpty();
        });
    }

    [Fact]
    public void ToString_ExplanationOfThreeThousandLongChain_RendersOnAQuarterMegabyteStack()
    {
        var engine = Chain(3_000);
        var person = Scenario.With(new Fact(Scenario.DaysAgo(3)));
        var explanation = engine.Explain(person, "s2999", Scenario.AsOf);

        OnSmallStack(
            () =>
            {
                var lines = explanation.ToString().Split(Environment.NewLine);

                lines.Should().HaveCount(3_001);
                lines[0].Should().Be("s2999: yes");
                lines[1].Should().Be("  in s2998: yes");
                lines[^1].Should().Be(new string(' ', 2 * 3_000) + "count(facts) in last 30 days = 1, needs >= 1: yes");
            },
            stackSize: 256 * 1024);
    }

    [Fact]
    public void ValidUntil_LastSegmentOfTenThousandLongReferenceChain_Answers()
    {
        OnSmallStack(() =>
        {
            var engine = Chain(ChainLength);
            var person = Scenario.With(new Fact(Scenario.DaysAgo(3)));

            var validity = engine.ValidUntil(person, $"s{ChainLength - 1}", Scenario.AsOf);

            validity.ValidUntil.Should().Be(new DateTimeOffset(Scenario.DaysAgo(3)).AddDays(30));
        });
    }

    [Fact]
    public void DependencyGraph_TenThousandLongChain_StrataAndCyclesWithoutRecursion()
    {
        OnSmallStack(() =>
        {
            var definition = ChainCatalog(ChainLength, cycle: true).Definition;

            var graph = DependencyGraph.Of(definition);

            graph.FindCycles().Should().ContainSingle().Which.Should().HaveCount(ChainLength + 1);
            DependencyGraph.Of(ChainCatalog(ChainLength, cycle: false).Definition).Strata()[$"s{ChainLength - 1}"].Should().Be(ChainLength - 1);
        });
    }

    [Theory]
    [InlineData(5_000, false)]
    [InlineData(5_000, true)]
    [InlineData(100_000, false)]
    public void Compile_NestingFarBeyondTheLimit_IsADefinitionErrorWithPath(int depth, bool alternate)
    {
        OnSmallStack(() =>
        {
            var catalog = SegmentCatalog.Create<Person>(s => s.Segment("deep").When(Nested(s, depth, alternate)), "deep");

            var act = () => SegmentEngine.Compile(catalog);

            act.Should().Throw<CatalogDefinitionException>().Which.Errors.Should().Equal(
                new CatalogError("segments[deep].conditions[0]", $"conditions are nested {depth + 1} deep; the limit is {CatalogLimits.MaxNestingDepth}"));
        });
    }

    [Theory]
    [InlineData(2_000)]
    [InlineData(50_000)]
    public void Compile_LambdaDeeperThanTheLimit_IsADefinitionErrorWithPath(int alternatives)
    {
        OnSmallStack(() =>
        {
            var catalog = SegmentCatalog.Create<Person>(
                s =>
                {
                    s.Segment("ids").When(AnyNpsOf(alternatives));
                    s.Segment("spend").When(s.Dated(p => p.Facts, f => f.At).Count(AnyAmountOf(alternatives)).Ever().AtLeast(1));
                },
                "deep");

            var act = () => SegmentEngine.Compile(catalog);

            var message = $"the expression is nested more than {CatalogLimits.MaxExpressionDepth} deep; the limit is {CatalogLimits.MaxExpressionDepth} " +
                "(for many alternatives, test a set: s.Text(...).In(...), or a HashSet the lambda captures)";
            act.Should().Throw<CatalogDefinitionException>().Which.Errors.Should().Equal(
                new CatalogError("segments[ids].conditions[0].predicate", message),
                new CatalogError("segments[spend].conditions[0].filter", message));
        });
    }

    [Theory]
    [InlineData(false, CodeGeneration.BeforeReturn)]
    [InlineData(false, CodeGeneration.Disabled)]
    [InlineData(true, CodeGeneration.Disabled)]
    public void Compile_LambdaAtTheLimit_CompilesEvaluatesAndExplainsOnEveryTier(bool interpret, CodeGeneration generation)
    {
        // n alternatives are n + 3 levels deep: the lambda, n - 1 "||", the comparison, the member and the parameter.
        const int Alternatives = CatalogLimits.MaxExpressionDepth - 3;
        OnSmallStack(() =>
        {
            var engine = SegmentEngine.Compile(
                SegmentCatalog.Create<Person>(
                    s =>
                    {
                        s.Segment("ids").When(AnyNpsOf(Alternatives));
                        s.Segment("spend").When(s.Dated(p => p.Facts, f => f.At).Count(AnyAmountOf(Alternatives)).Ever().AtLeast(1));
                    },
                    "deep"),
                new SegmentEngineOptions { PreferInterpretation = interpret, CodeGeneration = generation });
            var person = new Person { Nps = Alternatives - 1, Facts = [new Fact(Scenario.DaysAgo(1), Amount: Alternatives - 1)] };

            var result = engine.Evaluate(person, Scenario.AsOf);

            result.IsIn("ids").Should().BeTrue();
            result.IsIn("spend").Should().BeTrue();
            engine.Evaluate(new Person { Nps = -1 }, Scenario.AsOf).IsIn("ids").Should().BeFalse();
            engine.Explain(person, "ids", Scenario.AsOf).Outcome.Should().Be(ExplanationOutcome.Yes);
            engine.Explain(person, "spend", Scenario.AsOf).ToString().Should().StartWith("spend: yes");
        });
    }

    /// <summary><c>p => p.Nps == 0 || p.Nps == 1 || …</c>, left-deep as <c>Aggregate(Expression.OrElse)</c> builds it.</summary>
    private static System.Linq.Expressions.Expression<Func<Person, bool>> AnyNpsOf(int alternatives)
    {
        var p = System.Linq.Expressions.Expression.Parameter(typeof(Person), "p");
        var nps = System.Linq.Expressions.Expression.Property(p, nameof(Person.Nps));
        var body = Enumerable.Range(0, alternatives)
            .Select(i => (System.Linq.Expressions.Expression)System.Linq.Expressions.Expression.Equal(nps, System.Linq.Expressions.Expression.Constant((int?)i, typeof(int?))))
            .Aggregate(System.Linq.Expressions.Expression.OrElse);
        return System.Linq.Expressions.Expression.Lambda<Func<Person, bool>>(body, p);
    }

    /// <summary><c>f => f.Amount == 0 || f.Amount == 1 || …</c>.</summary>
    private static System.Linq.Expressions.Expression<Func<Fact, bool>> AnyAmountOf(int alternatives)
    {
        var f = System.Linq.Expressions.Expression.Parameter(typeof(Fact), "f");
        var amount = System.Linq.Expressions.Expression.Property(f, nameof(Fact.Amount));
        var body = Enumerable.Range(0, alternatives)
            .Select(i => (System.Linq.Expressions.Expression)System.Linq.Expressions.Expression.Equal(amount, System.Linq.Expressions.Expression.Constant((decimal)i)))
            .Aggregate(System.Linq.Expressions.Expression.OrElse);
        return System.Linq.Expressions.Expression.Lambda<Func<Fact, bool>>(body, f);
    }

    [Fact]
    public void Compile_NestingAtTheLimit_CompilesEvaluatesAndExplains()
    {
        OnSmallStack(() =>
        {
            var engine = SegmentEngine.Compile(SegmentCatalog.Create<Person>(s =>
            {
                s.Segment("deep").When(Nested(s, CatalogLimits.MaxNestingDepth - 1, alternate: true));
                s.Score("deep-score").Add(1, Nested(s, CatalogLimits.MaxNestingDepth - 1, alternate: false));
            }, "deep"));
            var person = Scenario.With(new Fact(Scenario.DaysAgo(3)));

            engine.Evaluate(person, Scenario.AsOf).IsIn("deep").Should().Be(HoldsWhenLeafHolds(CatalogLimits.MaxNestingDepth - 1, alternate: true));
            engine.Evaluate(person, Scenario.AsOf).Score("deep-score").Should().Be(1);
            Depth(engine.Explain(person, "deep", Scenario.AsOf)).Should().Be(CatalogLimits.MaxNestingDepth);
            Depth(engine.Explain(person, "deep-score", Scenario.AsOf)).Should().Be(CatalogLimits.MaxNestingDepth + 1);
            engine.ValidUntil(person, "deep", Scenario.AsOf).ValidUntil.Should().Be(new DateTimeOffset(Scenario.DaysAgo(3)).AddDays(30));
        });
    }

    [Fact]
    public void Validate_NestingJustBeyondTheLimitInGroupAndScore_ReportsEachPath()
    {
        var errors = CatalogValidator.Validate(SegmentCatalog.Create<Person>(s =>
        {
            s.Group("stage").Member("deep", s.Where(p => p.Nps > 1), Nested(s, CatalogLimits.MaxNestingDepth, alternate: false)).Otherwise("rest");
            s.Score("points").Add(1, Nested(s, CatalogLimits.MaxNestingDepth, alternate: true));
        }, "deep").Definition);

        var message = $"conditions are nested {CatalogLimits.MaxNestingDepth + 1} deep; the limit is {CatalogLimits.MaxNestingDepth}";
        errors.Should().Equal(
            new CatalogError("groups[stage].members[deep].conditions[1]", message),
            new CatalogError("scores[points].terms[0].condition", message));
    }

    /// <summary>
    /// A condition nested <paramref name="depth"/> times around one leaf (depth + 1 levels): "any of" the inner condition
    /// and a false predicate, or, alternating, "all of" it and a true predicate, "any of", and "not" (see <see cref="HoldsWhenLeafHolds"/>).
    /// </summary>
    private static Condition<Person> Nested(ICatalogBuilder<Person> s, int depth, bool alternate)
    {
        var condition = s.Dated(p => p.Facts, f => f.At).Any().InLast(30);
        for (var i = 0; i < depth; i++)
        {
            condition = (i % 3, alternate) switch
            {
                (0, true) => s.AllOf(condition, s.Where(p => p.Id != "x")),
                (2, true) => s.Not(condition),
                _ => s.AnyOf(condition, s.Where(p => p.Id == "x")),
            };
        }

        return condition;
    }

    private static bool HoldsWhenLeafHolds(int depth, bool alternate) => !alternate || Enumerable.Range(0, depth).Count(i => i % 3 == 2) % 2 == 0;

    private static SegmentEngine<Person> Chain(int length) => SegmentEngine.Compile(ChainCatalog(length, cycle: false));

    private static SegmentCatalog<Person> ChainCatalog(int length, bool cycle) => SegmentCatalog.Create<Person>(s =>
    {
        var facts = s.Dated(p => p.Facts, f => f.At);
        s.Segment("s0").When(cycle ? s.InSegment($"s{length - 1}") : facts.Any().InLast(30));
        for (var i = 1; i < length; i++)
        {
            s.Segment($"s{i}").When(s.InSegment($"s{i - 1}"));
        }
    }, "chain");

    /// <summary>The number of edges on the longest path from the root to a leaf.</summary>
    private static int Depth(Explanation explanation) =>
        explanation.Children.Count == 0 ? 0 : 1 + explanation.Children.Max(Depth);

    private static void OnSmallStack(Action action, int stackSize = 1024 * 1024)
    {
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    action();
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            maxStackSize: stackSize);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }
}
