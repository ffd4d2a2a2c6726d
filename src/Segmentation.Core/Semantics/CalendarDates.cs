using System.Linq.Expressions;

namespace Segmentation.Core.Semantics;

/// <summary>Turns a profile's calendar date of any supported type into a <see cref="DateTime"/> expression (UTC date for offsets).</summary>
internal static class CalendarDates
{
    public static Expression AsDateTime(Expression body) => body.Type switch
    {
        var t when t == typeof(DateTimeOffset) => Expression.Property(body, nameof(DateTimeOffset.UtcDateTime)),
        var t when t == typeof(DateTimeOffset?) => Expression.Condition(
            Expression.Property(body, "HasValue"),
            Expression.Convert(Expression.Property(Expression.Property(body, "Value"), nameof(DateTimeOffset.UtcDateTime)), typeof(DateTime?)),
            Expression.Constant(null, typeof(DateTime?))),
        var t when t == typeof(DateOnly) => Expression.Call(body, nameof(DateOnly.ToDateTime), null, Expression.Constant(TimeOnly.MinValue)),
        _ => body,
    };

    public static Func<TProfile, DateTime?> Compile<TProfile>(LambdaExpression date, bool interpret) =>
        Expression.Lambda<Func<TProfile, DateTime?>>(Expression.Convert(AsDateTime(LiftedOperands.EvaluateBoth(date.Body)), typeof(DateTime?)), date.Parameters).Compile(interpret);
}
