using System.Linq.Expressions;
using Segmentation.Core.Model;

namespace Segmentation.Core.Semantics;

/// <summary>
/// The one definition of which facts a <see cref="TimeWindow"/> holds as of an instant: <c>lower &lt; t &lt;= upper</c>
/// with <c>upper = asOf - NewestAgo</c> and <c>lower = asOf - OldestAgo</c> (no lower bound for "ever"); facts after
/// as-of are never inside (NewestAgo is never negative).
/// </summary>
internal static class FactWindow
{
    public static long Upper(long asOfTicks, long newestAgoTicks) => asOfTicks - newestAgoTicks;

    public static long Lower(long asOfTicks, long? oldestAgoTicks) => oldestAgoTicks is { } oldest ? asOfTicks - oldest : long.MinValue;

    public static bool Contains(long ticks, long lower, long upper) => ticks > lower && ticks <= upper;

    /// <summary>
    /// The same test on a fact's age, <c>asOf - t</c>, for generated loops, which skip the facts after as-of first (so
    /// <c>0 &lt;= age &lt;= asOf</c> and nothing overflows): <c>t &gt; asOf - oldest</c> is <c>age &lt; oldest</c> and
    /// <c>t &lt;= asOf - newest</c> is <c>age &gt;= newest</c>. The spans are constants, so a loop keeps no bound in a
    /// register. <see langword="null"/> when nothing is left to test ("ever").
    /// </summary>
    public static Expression? TestAge(Expression age, long? oldestAgoTicks, long newestAgoTicks)
    {
        Expression? test = oldestAgoTicks is { } oldest ? Expression.LessThan(age, Expression.Constant(oldest)) : null;
        if (newestAgoTicks != 0)
        {
            var below = Expression.GreaterThanOrEqual(age, Expression.Constant(newestAgoTicks));
            test = test is null ? below : Expression.AndAlso(test, below);
        }

        return test;
    }
}
