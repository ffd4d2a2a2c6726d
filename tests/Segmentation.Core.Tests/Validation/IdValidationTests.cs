using Segmentation.Core.Dsl;
using Segmentation.Core.Tests.Support;
using Segmentation.Core.Validation;

namespace Segmentation.Core.Tests.Validation;

public sealed class IdValidationTests
{
    private const string Rule = "ids must not contain control, format (zero-width, bidirectional) or line-separator characters";

    private static IReadOnlyList<CatalogError> ErrorsOf(Action<ICatalogBuilder<Person>> define) =>
        CatalogValidator.Validate(SegmentCatalog.Create(define, "shop").Definition);

    public static TheoryData<string, string, string> BadIds => new()
    {
        { "a\u200Bb", "a\\u200Bb", "U+200B (an invisible format character) at index 1" },
        { "line\nbreak", "line\\u000Abreak", "U+000A (a control character) at index 4" },
        { "tab\t", "tab\\u0009", "U+0009 (a control character) at index 3" },
        { "nul\0", "nul\\u0000", "U+0000 (a control character) at index 3" },
        { "\u202Eevil", "\\u202Eevil", "U+202E (an invisible format character) at index 0" },
        { "iso\u2066late", "iso\\u2066late", "U+2066 (an invisible format character) at index 3" },
        { "join\u200Der", "join\\u200Der", "U+200D (an invisible format character) at index 4" },
        { "\uFEFFbom", "\\uFEFFbom", "U+FEFF (an invisible format character) at index 0" },
        { "soft\u00ADhyphen", "soft\\u00ADhyphen", "U+00AD (an invisible format character) at index 4" },
        { "para\u2029graph", "para\\u2029graph", "U+2029 (a line or paragraph separator) at index 4" },
        { "tag\U000E0041", "tag\\U000E0041", "U+E0041 (an invisible format character) at index 3" },
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public void Validate_SegmentIdWithInvisibleOrControlCharacter_ReportsItAtThePositionalPath(string id, string escaped, string what)
    {
        var errors = ErrorsOf(s =>
        {
            s.Segment("fine").When(p => p.Nps > 1);
            s.Segment(id, "Name").When(p => p.Nps > 8);
        });

        errors.Should().Equal(new CatalogError("segments[1].id", $"the id \"{escaped}\" contains {what}; {Rule}"));
    }

    [Fact]
    public void Validate_SegmentIdWithUnpairedSurrogate_IsReported()
    {
        // Not theory data: test discovery would serialise the lone surrogate into U+FFFD.
        var errors = ErrorsOf(s => s.Segment("lone\uD800", "Name").When(p => p.Nps > 8));

        errors.Should().Equal(new CatalogError("segments[0].id", $"the id \"lone\\uD800\" contains U+D800 (an unpaired surrogate) at index 4; {Rule}"));
    }

    [Fact]
    public void Validate_LookAlikeIdsInGroupMemberAndScore_AreEachReported()
    {
        var errors = ErrorsOf(s =>
        {
            s.Segment("ab").When(p => p.Nps > 8);
            s.Group("stage\r").Member("a\u200Bb", s.Where(p => p.Nps > 5)).Otherwise("rest");
            s.Score("points\u2028").Add(1, p => p.Nps > 5);
        });

        errors.Should().Equal(
            new CatalogError("groups[0].id", $"the id \"stage\\u000D\" contains U+000D (a control character) at index 5; {Rule}"),
            new CatalogError("groups[0].members[0].id", $"the id \"a\\u200Bb\" contains U+200B (an invisible format character) at index 1; {Rule}"),
            new CatalogError("scores[0].id", $"the id \"points\\u2028\" contains U+2028 (a line or paragraph separator) at index 6; {Rule}"));
    }

    [Fact]
    public void Validate_CycleThroughAnUnprintableId_IsReportedAtItsPositionWithTheIdEscaped()
    {
        var errors = ErrorsOf(s =>
        {
            s.Segment("ok").When(p => p.Nps > 1);
            s.Segment("a\u200Bb").When(s.InSegment("c"));
            s.Segment("c").When(s.InSegment("a\u200Bb"));
        });

        errors.Should().Equal(
            new CatalogError("segments[1].id", $"the id \"a\\u200Bb\" contains U+200B (an invisible format character) at index 1; {Rule}"),
            new CatalogError("segments[1]", "reference cycle: a\\u200Bb -> c -> a\\u200Bb"));
    }

    [Theory]
    [InlineData("churn-risk")]
    [InlineData("interest:outdoor")]
    [InlineData("Zoë 🎧")]
    [InlineData("région-été")]
    [InlineData("顧客")]
    [InlineData("a b")]
    public void Validate_PrintableUnicodeIds_AreAccepted(string id)
    {
        ErrorsOf(s => s.Segment(id).When(p => p.Nps > 8)).Should().BeEmpty();
    }

    [Fact]
    public void Validate_DuplicateIdsOfTheSameKind_NameBothPositions()
    {
        var errors = ErrorsOf(s =>
        {
            s.Segment("a").When(p => p.Nps > 1);
            s.Segment("vip").When(p => p.Nps > 8);
            s.Segment("vip").When(p => p.Nps > 9);
            s.Group("g").Member("m", s.Where(p => p.Nps > 5)).Member("m", s.Where(p => p.Nps > 6));
            s.Group("g").Member("n", s.Where(p => p.Nps > 5));
        });

        errors.Should().Equal(
            new CatalogError("segments[2]", "duplicate id 'vip' used by both segments[1] and segments[2] (positions in definition order)"),
            new CatalogError("groups[0].members[1]", "duplicate id 'm' used by both groups[0].members[0] and groups[0].members[1] (positions in definition order)"),
            new CatalogError("groups[1]", "duplicate id 'g' used by both groups[0] and groups[1] (positions in definition order)"));
    }
}
