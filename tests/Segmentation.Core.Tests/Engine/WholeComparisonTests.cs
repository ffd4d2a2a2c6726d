using System.Linq.Expressions;
using Segmentation.Core.Engine.Network;
using Segmentation.Core.Model;

namespace Segmentation.Core.Tests.Engine;

/// <summary>Generated code compares counts and whole-number fields as <see cref="long"/>; it must agree with decimal semantics exactly.</summary>
public sealed class WholeComparisonTests
{
    private static readonly decimal[] Thresholds =
    [
        decimal.MinValue, -1e20m, long.MinValue, long.MinValue + 1m, -3m, -2.5m, -0.5m, 0m, 0.5m, 1m, 2m, 2.5m, 2.999m,
        long.MaxValue - 1m, long.MaxValue, 1e20m, decimal.MaxValue,
    ];

    private static readonly long[] Values = [long.MinValue, long.MinValue + 1, -3, -2, -1, 0, 1, 2, 3, long.MaxValue - 1, long.MaxValue];

    public static TheoryData<ComparisonOperator> Operators => new(Enum.GetValues<ComparisonOperator>());

    [Theory]
    [MemberData(nameof(Operators))]
    public void Matches_EveryThresholdAndValue_AgreesWithDecimalComparison(ComparisonOperator op)
    {
        // Arrange
        var value = Expression.Parameter(typeof(long), "n");
        var disagreements = new List<string>();

        // Act
        foreach (var threshold in Thresholds)
        {
            foreach (var upper in op == ComparisonOperator.Between ? Thresholds : [threshold])
            {
                var comparison = new Comparison(op, threshold, op == ComparisonOperator.Between ? upper : null);
                var matches = Expression.Lambda<Func<long, bool>>(WholeComparison.Matches(value, comparison), value).Compile();
                disagreements.AddRange(Values
                    .Where(n => matches(n) != comparison.Matches(n))
                    .Select(n => $"{n} {comparison}"));
            }
        }

        // Assert
        disagreements.Should().BeEmpty();
    }

    [Fact]
    public void Unconverted_WholeNumberWidenedToDecimal_IsThePlainNumber()
    {
        Expression<Func<int?, decimal?>> widened = n => n;
        Expression<Func<double, decimal>> notWhole = d => (decimal)d;

        WholeComparison.Unconverted(widened.Body).Type.Should().Be(typeof(int?));
        WholeComparison.Unconverted(notWhole.Body).Type.Should().Be(typeof(decimal));
    }
}
