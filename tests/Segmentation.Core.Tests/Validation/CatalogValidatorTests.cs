using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.Core.Model;
using Segmentation.Core.Tests.Support;
using Segmentation.Core.Validation;

namespace Segmentation.Core.Tests.Validation;

public sealed class CatalogValidatorTests
{
    private static IReadOnlyList<CatalogError> ErrorsOf(Action<ICatalogBuilder<Person>> define) =>
        CatalogValidator.Validate(SegmentCatalog.Create(define, "shop").Definition);

    private static CatalogError Error(string path, string message) => new(path, message);

    private static DatedCollection<Person, Fact> Facts(ICatalogBuilder<Person> s) => s.Dated(p => p.Facts, f => f.At, "orders");

    [Fact]
    public void Validate_ValidCatalog_ReturnsNoErrors()
    {
        // Arrange / Act
        var errors = ErrorsOf(s =>
        {
            var orders = Facts(s);
            s.Segment("buyer").When(orders.Any().InLast(30));
            s.Segment("vip").When(s.InSegment("buyer")).And(s.ScoreOf("engagement").AtLeast(10));
            s.Group("stage").Member("active", s.InSegment("buyer")).Otherwise("idle");
            s.Score("engagement").Add(10, orders.Count().Ever().AtLeast(2)).Tiers(("low", 0), ("high", 10));
        });

        // Assert
        errors.Should().BeEmpty();
    }

    [Fact]
    public void Validate_UndefinedComparisonOperator_ReportsItWithItsPath()
    {
        var errors = ErrorsOf(s =>
        {
            s.Segment("odd").When(s.Value(p => p.Nps!.Value).Compare((ComparisonOperator)42, 5));
            s.Segment("counted").When(Facts(s).Count().Ever().Compare((ComparisonOperator)(-1), 1));
        });

        errors.Should().Equal(
            Error("segments[odd].conditions[0].operator", "42 is not a comparison operator"),
            Error("segments[counted].conditions[0].operator", "-1 is not a comparison operator"));
    }

    [Fact]
    public void Validate_ProblemsInsideNestedConditions_AreListedDepthFirstWithTheirPaths()
    {
        // Arrange: problems at several levels of the trees of a segment, a group member and a score term
        ConditionDefinition Ghost() => new ReferenceCondition("ghost");
        ConditionDefinition Inverted() => new ComparisonCondition(new ScoreSource("other"), new Comparison(ComparisonOperator.Between, 5, 1));
        ConditionDefinition EmptyAny() => new AnyCondition([]);
        var catalog = new CatalogDefinition<Person>(
            [new SegmentDefinition("deep", "Deep", [new AllCondition([EmptyAny(), new NotCondition(new AllCondition([Ghost(), Inverted()])), Inverted()]), Ghost()])],
            [new GroupDefinition("stage", "Stage", [new GroupMemberDefinition("first", "First", [new NotCondition(new NotCondition(Ghost()))])])],
            [
                new ScoreDefinition("points", "Points", [new ScoreTermDefinition(1, new AnyCondition([Inverted(), EmptyAny()]))], []),
                new ScoreDefinition("other", "Other", [new ScoreTermDefinition(1, new ReferenceCondition("first"))], []),
            ]);

        // Act
        var errors = CatalogValidator.Validate(catalog);

        // Assert: a condition's own problems, then its children's in order, each below its owner
        errors.Should().Equal(
            Error("segments[deep].conditions[0].conditions[0]", "'any of' needs at least one condition"),
            Error("segments[deep].conditions[0].conditions[1].condition.conditions[0]", "references unknown segment 'ghost'"),
            Error("segments[deep].conditions[0].conditions[1].condition.conditions[1].threshold", "the range is inverted: 5 > 1"),
            Error("segments[deep].conditions[0].conditions[2].threshold", "the range is inverted: 5 > 1"),
            Error("segments[deep].conditions[1]", "references unknown segment 'ghost'"),
            Error("groups[stage].members[first].conditions[0].condition.condition", "references unknown segment 'ghost'"),
            Error("scores[points].terms[0].condition.conditions[0].threshold", "the range is inverted: 5 > 1"),
            Error("scores[points].terms[0].condition.conditions[1]", "'any of' needs at least one condition"));
    }

    [Fact]
    public void Validate_NullInATextSet_ReportsItWithItsPath()
    {
        var errors = ErrorsOf(s =>
        {
            s.Segment("eu").When(s.Text(p => p.City).In("Oslo", null!, "Bergen"));
            s.Segment("nordic").When(s.Text(p => p.City).In(["Oslo", null!], ignoreCase: true));
        });

        errors.Should().Equal(
            Error("segments[eu].conditions[0].values", "the set holds null (a missing text is never in a set; test for it with a predicate)"),
            Error("segments[nordic].conditions[0].values", "the set holds null (a missing text is never in a set; test for it with a predicate)"));
    }

    [Fact]
    public void Validate_DuplicateTierName_ReportsTheSecond()
    {
        var errors = ErrorsOf(s => s.Score("engagement").Add(10, p => p.Nps > 8).Tiers(("low", 0), ("high", 10), ("low", 20)));

        errors.Should().Equal(Error("scores[engagement].tiers[2]", "duplicate tier name 'low' used by both tiers[0] and tiers[2]"));
    }

    [Fact]
    public void Validate_HandBuiltModelHoldingNulls_ListsEveryNullWithItsPathWithoutThrowing()
    {
        var leaf = new PredicateCondition((System.Linq.Expressions.Expression<Func<Person, bool>>)(p => p.Nps > 8));
        var catalog = new CatalogDefinition<Person>(
            [
                new SegmentDefinition("a", "a", [leaf, null!]),
                null!,
                new SegmentDefinition("b", "b", [new AllCondition([leaf, new NotCondition(new AnyCondition([null!]))])]),
                new SegmentDefinition("c", "c", null!),
            ],
            [new GroupDefinition("g", "g", [new GroupMemberDefinition("m", "m", [null!])])],
            [new ScoreDefinition("s", "s", [new ScoreTermDefinition(1, null!)], null!)]);

        var errors = CatalogValidator.Validate(catalog);

        errors.Should().Equal(
            Error("segments[a].conditions[1]", "the condition is null"),
            Error("segments[1]", "the segment is null"),
            Error("segments[b].conditions[0].conditions[1].condition.conditions[0]", "the condition is null"),
            Error("segments[c].conditions", "the condition list is null"),
            Error("groups[g].members[m].conditions[0]", "the condition is null"),
            Error("scores[s].terms[0].condition", "the condition is null"),
            Error("scores[s].tiers", "the tier list is null"));
    }

    [Fact]
    public void Validate_DayCountsBeyondTimeSpan_ReachValidationWithTheOtherProblems()
    {
        var errors = ErrorsOf(s =>
        {
            s.Segment("forever").When(Facts(s).Count().InLast(int.MaxValue).AtLeast(1));
            s.Segment("backwards").When(Facts(s).Count().OlderThan(int.MinValue).AtLeast(1));
            s.Segment("lost").When(s.InSegment("nowhere"));
        });

        errors.Select(e => e.Path).Should().Equal("segments[backwards].conditions[0].window", "segments[lost].conditions[0]");
        errors[0].Message.Should().StartWith("the window's near bound must not be negative");
    }

    [Fact]
    public void Evaluate_InLastIntMaxValueDays_CountsEveryFactLikeEver()
    {
        var engine = SegmentEngine.Compile(SegmentCatalog.Create<Person>(s => s.Segment("forever").When(Facts(s).Count().InLast(int.MaxValue).AtLeast(2)), "shop"));

        engine.Evaluate(Scenario.With(new Fact(DateTime.MinValue), new Fact(Scenario.DaysAgo(1))), Scenario.AsOf).IsIn("forever").Should().BeTrue();
    }

    [Fact]
    public void Validate_WhiteSpaceId_SaysSoRatherThanEmpty()
    {
        var errors = ErrorsOf(s =>
        {
            s.Segment(" ").When(p => p.Nps > 8);
            s.Segment("\u00A0\t").When(p => p.Nps > 8);
        });

        errors.Should().Contain(Error("segments[ ].id", "the id must not be only white space"));
        errors.Should().Contain(Error("segments[1].id", "the id must not be only white space"));
    }

    public static TheoryData<string> SingleNulls => ["segments", "segment", "conditions", "groups", "group", "members", "member", "member-conditions", "scores", "score", "terms", "term", "term-condition", "tiers", "tier", "not"];

    [Theory]
    [MemberData(nameof(SingleNulls))]
    public void Validate_OneNullAnywhereInAHandBuiltModel_IsListedWithoutThrowing(string where)
    {
        var leaf = new PredicateCondition((System.Linq.Expressions.Expression<Func<Person, bool>>)(p => p.Nps > 8));
        ConditionDefinition condition = where == "not" ? new AllCondition([leaf, new NotCondition(new AnyCondition([leaf, null!]))]) : leaf;
        SegmentDefinition segment = new("a", "a", where == "conditions" ? null! : [condition]);
        GroupMemberDefinition member = new("m", "m", where == "member-conditions" ? null! : [leaf]);
        GroupDefinition group = new("g", "g", where == "members" ? null! : where == "member" ? [null!] : [member]);
        ScoreDefinition score = new(
            "s",
            "s",
            where == "terms" ? null! : where == "term" ? [null!] : [new ScoreTermDefinition(1, where == "term-condition" ? null! : leaf)],
            where == "tiers" ? null! : where == "tier" ? [null!] : [new TierDefinition("low", 0)]);
        var catalog = new CatalogDefinition<Person>(
            where == "segments" ? null! : where == "segment" ? [null!] : [segment],
            where == "groups" ? null! : where == "group" ? [null!] : [group],
            where == "scores" ? null! : where == "score" ? [null!] : [score]);

        var errors = CatalogValidator.Validate(catalog);

        errors.Should().ContainSingle().Which.Message.Should().EndWith(" is null");
    }

    [Fact]
    public void Validate_DuplicateSegmentId_ReportsSecondDefinition()
    {
        var errors = ErrorsOf(s =>
        {
            s.Segment("vip").When(p => p.Nps > 8);
            s.Segment("vip").When(p => p.Nps > 9);
        });

        errors.Should().Equal(Error("segments[1]", "duplicate id 'vip' used by both segments[0] and segments[1] (positions in definition order)"));
    }

    [Fact]
    public void Validate_IdRepeatedInItsList_NamesEachEntryByPositionInEveryPath()
    {
        // Arrange: two segments and two members of one group share an id, and each holds a problem of its own
        var errors = ErrorsOf(s =>
        {
            var orders = Facts(s);
            s.Segment("vip").When(orders.Count().InLast(-1).AtLeast(1));
            s.Segment("vip").When(s.InSegment("ghost"));
            s.Segment("stage").When(p => p.Nps > 1);
            s.Group("stage").Member("a", s.InSegment("ghost")).Member("a", orders.Count().InLast(-2).AtLeast(1));
        });

        // Assert: an id repeated in its own list is no name; one shared across lists (segment and group "stage") is
        errors.Should().Equal(
            Error("segments[0].conditions[0].window", "the window must be positive, got -1 days"),
            Error("segments[1].conditions[0]", "references unknown segment 'ghost'"),
            Error("groups[stage].members[0].conditions[0]", "references unknown segment 'ghost'"),
            Error("groups[stage].members[1].conditions[0].window", "the window must be positive, got -2 days"),
            Error("segments[1]", "duplicate id 'vip' used by both segments[0] and segments[1] (positions in definition order)"),
            Error("groups[stage]", "duplicate id 'stage' used by both segments[2] and groups[0] (positions in definition order)"),
            Error("groups[stage].members[1]", "duplicate id 'a' used by both groups[0].members[0] and groups[0].members[1] (positions in definition order)"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void Validate_NumericIdThatReadsLikeAPositionName_NamesTheWholeListByPosition(string numeric)
    {
        // Arrange: ids "a" repeat, so they are named by position (1 and 2): an id "1" or "2" would read like one of them
        var errors = ErrorsOf(s =>
        {
            s.Segment(numeric).When(s.InSegment("ghost"));
            s.Segment("a").When(s.InSegment("ghost"));
            s.Segment("a").When(s.InSegment("ghost"));
            s.Group("g").Member(numeric, s.InSegment("ghost")).Member("m", s.InSegment("ghost")).Member("m", s.InSegment("ghost"));
        });

        // Assert
        errors.Take(6).Select(e => e.Path).Should().Equal(
            "segments[0].conditions[0]",
            "segments[1].conditions[0]",
            "segments[2].conditions[0]",
            "groups[g].members[0].conditions[0]",
            "groups[g].members[1].conditions[0]",
            "groups[g].members[2].conditions[0]");
    }

    [Fact]
    public void Validate_NumericIdsThatReadLikeNoPositionName_StayNames()
    {
        var errors = ErrorsOf(s =>
        {
            s.Segment("7").When(s.InSegment("ghost"));
            s.Segment("01").When(s.InSegment("ghost"));
            s.Segment("a").When(p => p.Nps > 1);
            s.Segment("a").When(p => p.Nps > 2);
        });

        errors.Select(e => e.Path).Should().Equal("segments[7].conditions[0]", "segments[01].conditions[0]", "segments[3]");
    }

    [Fact]
    public void Validate_UnknownReferenceToAnUnprintableId_EscapesIt()
    {
        var errors = ErrorsOf(s =>
        {
            s.Segment("tab").When(s.InSegment("e\tf"));
            s.Segment("score").When(s.ScoreOf("zero\u200Bwidth").AtLeast(1));
        });

        errors.Should().Equal(
            Error("segments[tab].conditions[0]", "references unknown segment 'e\\u0009f'"),
            Error("segments[score].conditions[0].source", "references unknown score 'zero\\u200Bwidth'"));
    }

    [Fact]
    public void Validate_IdRepeatedInItsListWithANullInside_NamesTheEntryByPosition()
    {
        var catalog = new CatalogDefinition<Person>(
            [new SegmentDefinition("vip", "Vip", [new ReferenceCondition("a")]), new SegmentDefinition("vip", "Vip", [null!])], [], []);

        CatalogValidator.Validate(catalog).Should().Equal(Error("segments[1].conditions[0]", "the condition is null"));
    }

    [Fact]
    public void Validate_GroupMemberReusesSegmentId_ReportsMemberPath()
    {
        var errors = ErrorsOf(s =>
        {
            s.Segment("buyer").When(p => p.Nps > 8);
            s.Group("stage").Member("buyer", s.Where(p => p.Nps > 5)).Otherwise("other");
        });

        errors.Should().Equal(Error("groups[stage].members[buyer]", "duplicate id 'buyer' used by both segments[0] and groups[0].members[0] (positions in definition order)"));
    }

    [Fact]
    public void Validate_ScoreReusesGroupId_ReportsScorePath()
    {
        var errors = ErrorsOf(s =>
        {
            s.Group("stage").Member("a", s.Where(p => p.Nps > 5)).Otherwise("b");
            s.Score("stage").Add(1, p => p.Nps > 5);
        });

        errors.Should().Equal(Error("scores[stage]", "duplicate id 'stage' used by both groups[0] and scores[0] (positions in definition order)"));
    }

    [Fact]
    public void Validate_EmptySegmentId_ReportsPositionalPath()
    {
        var errors = ErrorsOf(s =>
        {
            s.Segment("first").When(p => p.Nps > 8);
            s.Segment(string.Empty, "Nameless").When(p => p.Nps > 8);
        });

        errors.Should().Equal(Error("segments[1].id", "the id must not be empty"));
    }

    [Fact]
    public void Validate_EmptySegmentName_ReportsNamePath()
    {
        var errors = ErrorsOf(s => s.Segment("vip", string.Empty).When(p => p.Nps > 8));

        errors.Should().Equal(Error("segments[vip].name", "the name must not be empty"));
    }

    [Fact]
    public void Validate_SegmentWithoutConditions_ReportsConditionsPath()
    {
        var errors = ErrorsOf(s => s.Segment("vip"));

        errors.Should().Equal(Error("segments[vip].conditions", "a segment needs at least one condition"));
    }

    [Fact]
    public void Validate_ZeroWindow_ReportsWindowPath()
    {
        var errors = ErrorsOf(s => s.Segment("churn-risk").When(p => p.Nps > 1).And(Facts(s).Any().InLast(0)));

        errors.Should().Equal(Error("segments[churn-risk].conditions[1].window", "the window must be positive, got 0 days"));
    }

    [Fact]
    public void Validate_NegativeWindow_ReportsWindowPath()
    {
        var errors = ErrorsOf(s => s.Segment("churn-risk").When(Facts(s).Count().InLast(-5).AtLeast(1)));

        errors.Should().Equal(Error("segments[churn-risk].conditions[0].window", "the window must be positive, got -5 days"));
    }

    [Fact]
    public void Validate_InvertedBetweenWindow_ReportsWindowPath()
    {
        var errors = ErrorsOf(s => s.Segment("lapsed").When(Facts(s).Any().BetweenDaysAgo(180, 90)));

        errors.Should().Equal(Error("segments[lapsed].conditions[0].window", "the window is inverted: from 180 to 90 days ago"));
    }

    [Fact]
    public void Validate_NegativeNearBound_ReportsWindowPath()
    {
        var errors = ErrorsOf(s => s.Segment("lapsed").When(Facts(s).Any().BetweenDaysAgo(-1, 90)));

        errors.Should().Equal(Error("segments[lapsed].conditions[0].window", "the window's near bound must not be negative, got -1 days"));
    }

    [Fact]
    public void Validate_NegativeCountThreshold_ReportsThresholdPath()
    {
        var errors = ErrorsOf(s => s.Segment("buyer").When(Facts(s).Count().Ever().AtLeast(-1)));

        errors.Should().Equal(Error("segments[buyer].conditions[0].threshold", "Count is never negative; the threshold -1 is meaningless"));
    }

    [Fact]
    public void Validate_NegativeDateThreshold_ReportsThresholdPath()
    {
        var errors = ErrorsOf(s => s.Segment("birthday").When(s.Date(p => p.BirthDate).AnniversaryWithin(-3)));

        errors.Should().Equal(Error("segments[birthday].conditions[0].threshold", "a date measure is never negative; the threshold -3 is meaningless"));
    }

    [Fact]
    public void Validate_InvertedBetweenComparison_ReportsThresholdPath()
    {
        var errors = ErrorsOf(s => s.Segment("young").When(s.Age(p => p.BirthDate).Between(29, 18)));

        errors.Should().Equal(Error("segments[young].conditions[0].threshold", "the range is inverted: 29 > 18"));
    }

    [Fact]
    public void Validate_UnknownReference_ReportsConditionPath()
    {
        var errors = ErrorsOf(s => s.Segment("vip-at-risk").When(p => p.Nps > 1).And(s.InSegment("high-value")));

        errors.Should().Equal(Error("segments[vip-at-risk].conditions[1]", "references unknown segment 'high-value'"));
    }

    [Fact]
    public void Validate_UnknownNegatedReference_ReportsConditionPath()
    {
        var errors = ErrorsOf(s => s.Segment("new").When(s.NotInSegment("old")));

        errors.Should().Equal(Error("segments[new].conditions[0]", "references unknown segment 'old'"));
    }

    [Fact]
    public void Validate_UnknownScore_ReportsSourcePath()
    {
        var errors = ErrorsOf(s => s.Segment("engaged").When(s.ScoreOf("engagement").AtLeast(10)));

        errors.Should().Equal(Error("segments[engaged].conditions[0].source", "references unknown score 'engagement'"));
    }

    [Fact]
    public void Validate_TwoSegmentCycle_ReportsPrintedCycle()
    {
        var errors = ErrorsOf(s =>
        {
            s.Segment("a").When(s.InSegment("b"));
            s.Segment("b").When(s.InSegment("a"));
        });

        errors.Should().Equal(Error("segments[a]", "reference cycle: a -> b -> a"));
    }

    [Fact]
    public void Validate_SelfReference_ReportsPrintedCycle()
    {
        var errors = ErrorsOf(s => s.Segment("narcissus").When(s.InSegment("narcissus")));

        errors.Should().Equal(Error("segments[narcissus]", "reference cycle: narcissus -> narcissus"));
    }

    [Fact]
    public void Validate_CycleThroughScore_ReportsPrintedCycle()
    {
        var errors = ErrorsOf(s =>
        {
            s.Segment("engaged").When(s.ScoreOf("engagement").AtLeast(1));
            s.Score("engagement").Add(1, s.InSegment("engaged"));
        });

        errors.Should().Equal(Error("segments[engaged]", "reference cycle: engaged -> engagement -> engaged"));
    }

    [Fact]
    public void Validate_EmptyGroup_ReportsMembersPath()
    {
        var errors = ErrorsOf(s => s.Group("journey"));

        errors.Should().Equal(Error("groups[journey].members", "a group needs at least one member"));
    }

    [Fact]
    public void Validate_FallbackNotLast_ReportsMemberPath()
    {
        var errors = ErrorsOf(s => s.Group("journey").Otherwise("awareness").Member("purchase", s.Where(p => p.Nps > 1)));

        errors.Should().Equal(Error("groups[journey].members[awareness]", "the fallback member must be the last member"));
    }

    [Fact]
    public void Validate_MemberWithoutConditions_ReportsConditionsPath()
    {
        var errors = ErrorsOf(s => s.Group("journey").Member("x").Otherwise("rest"));

        errors.Should().Equal(Error("groups[journey].members[x].conditions", "a member needs at least one condition (or use Otherwise for a fallback)"));
    }

    [Fact]
    public void Validate_MemberWithoutId_ReportsPositionalPath()
    {
        var errors = ErrorsOf(s => s.Group("journey").Member("x", s.Where(p => p.Nps > 1)).Member(string.Empty, "Unnamed", s.Where(p => p.Nps > 2)));

        errors.Should().Equal(Error("groups[journey].members[1].id", "the id must not be empty"));
    }

    [Fact]
    public void Validate_MemberConditionProblem_ReportsNestedPath()
    {
        var errors = ErrorsOf(s => s.Group("journey").Member("recent", Facts(s).Any().InLast(0)).Otherwise("rest"));

        errors.Should().Equal(Error("groups[journey].members[recent].conditions[0].window", "the window must be positive, got 0 days"));
    }

    [Fact]
    public void Validate_ScoreWithoutTerms_ReportsTermsPath()
    {
        var errors = ErrorsOf(s => s.Score("engagement").Tiers(("low", 0)));

        errors.Should().Equal(Error("scores[engagement].terms", "a score needs at least one term"));
    }

    [Fact]
    public void Validate_ScoreTermProblem_ReportsTermPath()
    {
        var errors = ErrorsOf(s => s.Score("engagement").Add(5, p => p.Nps > 1).Add(10, Facts(s).Any().InLast(-1)));

        errors.Should().Equal(Error("scores[engagement].terms[1].condition.window", "the window must be positive, got -1 days"));
    }

    [Fact]
    public void Validate_TiersNotAscending_ReportsTierPath()
    {
        var errors = ErrorsOf(s => s.Score("engagement").Add(5, p => p.Nps > 1).Tiers(("low", 0), ("high", 20), ("mid", 20)));

        errors.Should().Equal(Error("scores[engagement].tiers[2]", "tiers must be in ascending threshold order: 'mid' (20) follows 'high' (20)"));
    }

    [Fact]
    public void Validate_EmptyTierName_ReportsTierNamePath()
    {
        var errors = ErrorsOf(s => s.Score("engagement").Add(5, p => p.Nps > 1).Tiers(("low", 0), (string.Empty, 10)));

        errors.Should().Equal(Error("scores[engagement].tiers[1].name", "the tier name must not be empty"));
    }

    [Fact]
    public void Validate_EmptyTextSet_ReportsValuesPath()
    {
        var errors = ErrorsOf(s => s.Segment("nordic").When(s.Text(p => p.City).In()));

        errors.Should().Equal(Error("segments[nordic].conditions[0].values", "the set of accepted values is empty"));
    }

    [Fact]
    public void Validate_EmptyAllOf_ReportsConditionPath()
    {
        var errors = ErrorsOf(s => s.Segment("nothing").When(s.AllOf()));

        errors.Should().Equal(Error("segments[nothing].conditions[0]", "'all of' needs at least one condition"));
    }

    [Fact]
    public void Validate_EmptyAnyOf_ReportsConditionPath()
    {
        var errors = ErrorsOf(s => s.Segment("nothing").When(s.AnyOf()));

        errors.Should().Equal(Error("segments[nothing].conditions[0]", "'any of' needs at least one condition"));
    }

    [Fact]
    public void Validate_ProblemInsideNestedComposites_ReportsFullNestedPath()
    {
        var errors = ErrorsOf(s =>
        {
            var orders = Facts(s);
            s.Segment("x").When(orders.Any().InLast(30) & (s.Where(p => p.Nps > 1) | orders.Any().InLast(0)));
        });

        errors.Should().Equal(Error("segments[x].conditions[0].conditions[1].conditions[1].window", "the window must be positive, got 0 days"));
    }

    [Fact]
    public void Validate_ProblemUnderNot_ReportsConditionPath()
    {
        var errors = ErrorsOf(s => s.Segment("x").When(!Facts(s).Any().InLast(0)));

        errors.Should().Equal(Error("segments[x].conditions[0].condition.window", "the window must be positive, got 0 days"));
    }

    [Fact]
    public void Compile_ManyProblems_ThrowsOnceListingEveryError()
    {
        // Arrange
        var catalog = SegmentCatalog.Create<Person>(
            s =>
            {
                var orders = Facts(s);
                s.Segment("a").When(orders.Any().InLast(0));
                s.Segment("a", string.Empty).When(s.InSegment("ghost"));
                s.Segment("loop").When(s.InSegment("loop"));
                s.Group("g");
                s.Score("sc").Tiers(("hi", 10), ("lo", 5));
            },
            "shop");

        // Act
        var act = () => SegmentEngine.Compile(catalog);

        // Assert
        var exception = act.Should().Throw<CatalogDefinitionException>().Which;
        exception.CatalogName.Should().Be("shop");
        exception.Errors.Should().Equal(
            Error("segments[0].conditions[0].window", "the window must be positive, got 0 days"),
            Error("segments[1].name", "the name must not be empty"),
            Error("segments[1].conditions[0]", "references unknown segment 'ghost'"),
            Error("groups[g].members", "a group needs at least one member"),
            Error("scores[sc].terms", "a score needs at least one term"),
            Error("scores[sc].tiers[1]", "tiers must be in ascending threshold order: 'lo' (5) follows 'hi' (10)"),
            Error("segments[1]", "duplicate id 'a' used by both segments[0] and segments[1] (positions in definition order)"),
            Error("segments[loop]", "reference cycle: loop -> loop"));
        exception.Message.Should().StartWith("Catalog 'shop' is invalid (8 problems):" + Environment.NewLine + "  segments[0].conditions[0].window: the window must be positive, got 0 days");
    }

    [Fact]
    public void CatalogDefinitionException_OneProblem_UsesSingularMessage()
    {
        var exception = new CatalogDefinitionException("shop", [Error("segments[x]", "bad")]);

        exception.Message.Should().Be("Catalog 'shop' is invalid (1 problem):" + Environment.NewLine + "  segments[x]: bad");
    }
}
