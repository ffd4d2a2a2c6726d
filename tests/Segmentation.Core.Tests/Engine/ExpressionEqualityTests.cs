using System.Linq.Expressions;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Tests.Support;

namespace Segmentation.Core.Tests.Engine;

public sealed class ExpressionEqualityTests
{
    private readonly ExpressionEquality equality = new();

    private static Expression<Func<Fact, bool>> AtLeast(decimal threshold) => f => f.Amount >= threshold;

    private static Expression<Func<Fact, bool>> KindIn(List<string> kinds) => f => kinds.Contains(f.Kind);

    private void ShouldShare(LambdaExpression x, LambdaExpression y)
    {
        equality.Equals(x, y).Should().BeTrue($"{x} and {y} are the same tree");
        equality.GetHashCode(x).Should().Be(equality.GetHashCode(y));
    }

    private void ShouldNotShare(LambdaExpression x, LambdaExpression y) =>
        equality.Equals(x, y).Should().BeFalse($"{x} and {y} differ");

    [Fact]
    public void Equals_SeparatelyBuiltEqualTrees_ShareWhateverTheParameterNames()
    {
        Expression<Func<Fact, bool>> a = f => f.Amount > 10m && f.Kind == "a";
        Expression<Func<Fact, bool>> b = x => x.Amount > 10m && x.Kind == "a";

        ShouldShare(a, b);
    }

    [Fact]
    public void Equals_DifferentConstants_DoNotShare()
    {
        Expression<Func<Fact, bool>> ten = f => f.Amount > 10m;
        Expression<Func<Fact, bool>> eleven = f => f.Amount > 11m;
        Expression<Func<Fact, bool>> tenPointZero = f => f.Amount > 10.0m;

        ShouldNotShare(ten, eleven);
        ShouldNotShare(ten, tenPointZero);
    }

    [Fact]
    public void Equals_CapturedValues_ShareByValue()
    {
        ShouldShare(AtLeast(10m), AtLeast(10m));
        ShouldNotShare(AtLeast(10m), AtLeast(11m));
    }

    [Fact]
    public void Equals_CapturedObjects_ShareOnlyTheSameInstance()
    {
        var kinds = new List<string> { "a" };

        ShouldShare(KindIn(kinds), KindIn(kinds));
        ShouldNotShare(KindIn(kinds), KindIn(["a"]));
    }

    [Fact]
    public void Equals_DifferentMembersOrMethods_DoNotShare()
    {
        Expression<Func<Person, bool>> city = p => p.City == "x";
        Expression<Func<Person, bool>> id = p => p.Id == "x";
        Expression<Func<Person, bool>> upper = p => p.City!.ToUpperInvariant() == "X";
        Expression<Func<Person, bool>> lower = p => p.City!.ToLowerInvariant() == "X";

        ShouldNotShare(city, id);
        ShouldNotShare(upper, lower);
    }

    [Fact]
    public void Equals_NestedLambdas_MapParametersByPosition()
    {
        Expression<Func<Person, bool>> a = p => p.Facts!.Any(f => f.Amount > 1m);
        Expression<Func<Person, bool>> b = q => q.Facts!.Any(g => g.Amount > 1m);
        Expression<Func<Person, bool>> c = p => p.Facts!.Any(f => f.Amount > 2m);
        Expression<Func<Person, decimal>> outer = p => p.Facts!.Sum(f => f.Amount);
        Expression<Func<Person, decimal>> swapped = p => p.Facts!.Sum(f => p.Nps ?? 0);

        ShouldShare(a, b);
        ShouldNotShare(a, c);
        ShouldNotShare(outer, swapped);
    }

    [Fact]
    public void Equals_DeepTree_HashesEveryNodeOnce()
    {
        // Two separately built chains of 5,000 additions: equal, and hashing the second visits its nodes once each.
        static LambdaExpression Chain()
        {
            var p = Expression.Parameter(typeof(Fact), "f");
            Expression body = Expression.Property(p, nameof(Fact.Amount));
            for (var i = 0; i < 5_000; i++)
            {
                body = Expression.Add(body, Expression.Constant(1m));
            }

            return Expression.Lambda(body, p);
        }

        ShouldShare(Chain(), Chain());
    }
}
