using System.Linq.Expressions;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Tests.Support;

namespace Segmentation.Core.Tests.Engine;

/// <summary>
/// Which filters a generated loop may chain as <c>if … else if …</c>: equality tests of one member path against
/// different constants exclude each other; anything whose outcome the constants do not fix must not be recognized.
/// </summary>
public sealed class ExclusiveEqualityTests
{
    private static readonly string ReadOnlyKind = "b";

    private static string mutableKind = "b";

    [Fact]
    public void Excludes_SameMemberDifferentConstants_IsTrueEitherSideAndForStaticReadOnlyFields()
    {
        var a = Of(f => f.Kind == "a");

        a.Excludes(Of(f => "b" == f.Kind)).Should().BeTrue();
        a.Excludes(Of(f => f.Kind == ReadOnlyKind)).Should().BeTrue();
        a.Excludes(Of(f => f.Kind == null)).Should().BeTrue();
        Of(f => f.Kind.Length == 1).Excludes(Of(f => f.Kind.Length == 2)).Should().BeTrue();
    }

    [Fact]
    public void Excludes_SameConstantOrAnotherMember_IsFalse()
    {
        var a = Of(f => f.Kind == "a");

        a.Excludes(Of(f => f.Kind == "a")).Should().BeFalse("both hold for the same item");
        a.Excludes(Of(f => f.Kind.Length == 2)).Should().BeFalse("another member");
        Of(f => (double)f.Kind.Length == 0.0).Excludes(Of(f => (double)f.Kind.Length == -0.0)).Should().BeFalse("0.0 equals -0.0");
    }

    [Fact]
    public void Of_TestsWhoseOutcomeTheConstantsDoNotFix_AreNotRecognized()
    {
        Filter(f => f.Kind == mutableKind).Should().BeNull("a field that can change is not a constant");
        Filter(f => f.Amount == 1m).Should().BeNull("decimal equality is a user-visible operator call");
        Filter(f => f.Kind.Equals("a")).Should().BeNull("a method call");
        Filter(f => f.Kind != "a").Should().BeNull("not an equality");
        Filter(f => f.Kind.ToUpperInvariant() == "A").Should().BeNull("a call on the path");
        var captured = "a";
        Filter(f => f.Kind == captured).Should().BeNull("a captured local may change");
    }

    private static ExclusiveEquality Of(Expression<Func<Fact, bool>> filter) => Filter(filter) ?? throw new InvalidOperationException($"{filter} is not recognized");

    private static ExclusiveEquality? Filter(Expression<Func<Fact, bool>> filter) => ExclusiveEquality.Of(filter);
}
