using System.Linq.Expressions;
using System.Numerics;
using System.Reflection;

namespace Segmentation.Core.Dsl;

/// <summary>
/// Rewrites the user's lambdas over other date and number types into the types the model knows (<see cref="DateTime"/>,
/// <see cref="DateTime"/>? and <see cref="decimal"/>?), so the engine stays as it is. Conversions are
/// <see cref="ExpressionType.Convert"/> nodes, which explanations render as the field itself (<c>c.Nps</c>).
/// </summary>
internal static class LambdaRewrites
{
    private static readonly MethodInfo DateOnlyToDateTime = typeof(LambdaRewrites).GetMethod(nameof(ToDateTime), BindingFlags.NonPublic | BindingFlags.Static, [typeof(DateOnly)])!;
    private static readonly MethodInfo NullableDateOnlyToDateTime = typeof(LambdaRewrites).GetMethod(nameof(ToDateTime), BindingFlags.NonPublic | BindingFlags.Static, [typeof(DateOnly?)])!;

    /// <summary><c>p =&gt; (decimal?)p.Field</c> for any number type (a value out of the range of <see cref="decimal"/>, NaN or an infinity faults the condition at evaluation).</summary>
    public static Expression<Func<TProfile, decimal?>> ToDecimal<TProfile, TNumber>(Expression<Func<TProfile, TNumber>> selector)
        where TNumber : struct, INumber<TNumber>
    {
        ArgumentNullException.ThrowIfNull(selector);
        // One conversion node, as the C# compiler writes it, so a whole-number field is still recognised as one.
        return Expression.Lambda<Func<TProfile, decimal?>>(Expression.Convert(selector.Body, typeof(decimal?)), selector.Parameters);
    }

    /// <summary><c>p =&gt; (decimal?)p.Field</c> for any nullable number type (null stays no value).</summary>
    public static Expression<Func<TProfile, decimal?>> ToDecimal<TProfile, TNumber>(Expression<Func<TProfile, TNumber?>> selector)
        where TNumber : struct, INumber<TNumber>
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Expression.Lambda<Func<TProfile, decimal?>>(Expression.Convert(selector.Body, typeof(decimal?)), selector.Parameters);
    }

    /// <summary><c>p =&gt; (DateTime?)p.Date</c>: a <see cref="DateOnly"/>? as midnight (UTC by the as-of rule), null as no date.</summary>
    public static Expression<Func<T, DateTime?>> ToDateTime<T>(Expression<Func<T, DateOnly?>> date)
    {
        ArgumentNullException.ThrowIfNull(date);
        return Expression.Lambda<Func<T, DateTime?>>(Expression.Convert(date.Body, typeof(DateTime?), NullableDateOnlyToDateTime), date.Parameters);
    }

    /// <summary><c>p =&gt; (DateTime)p.Date</c>: a <see cref="DateOnly"/> as midnight (UTC by the as-of rule).</summary>
    public static Expression<Func<T, DateTime>> ToDateTime<T>(Expression<Func<T, DateOnly>> date)
    {
        ArgumentNullException.ThrowIfNull(date);
        return Expression.Lambda<Func<T, DateTime>>(Expression.Convert(date.Body, typeof(DateTime), DateOnlyToDateTime), date.Parameters);
    }

    /// <summary>
    /// A dated collection whose items may have no date: the items become <c>p =&gt; Dated(p.Items, i =&gt; i.Date.HasValue)</c>
    /// (an item without a date is not a fact, so no aggregate sees it) and the date <c>i =&gt; i.Date.Value</c>.
    /// </summary>
    public static (Expression<Func<TProfile, IEnumerable<TItem>?>> Items, Expression<Func<TItem, TDate>> Date) SkipUndated<TProfile, TItem, TDate>(
        Expression<Func<TProfile, IEnumerable<TItem>?>> items,
        Expression<Func<TItem, TDate?>> date)
        where TDate : struct
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(date);
        var item = date.Parameters[0];
        var hasDate = Expression.Lambda<Func<TItem, bool>>(Expression.NotEqual(date.Body, Expression.Constant(null, typeof(TDate?))), item);
        var filter = ((Func<IEnumerable<TItem>?, Func<TItem, bool>, IEnumerable<TItem>?>)Dated).Method;
        return (
            Expression.Lambda<Func<TProfile, IEnumerable<TItem>?>>(Expression.Call(filter, items.Body, hasDate), items.Parameters),
            Expression.Lambda<Func<TItem, TDate>>(Expression.Convert(date.Body, typeof(TDate)), item));
    }

    /// <summary>The items that have a date; <see langword="null"/> stays <see langword="null"/> (the engine reports a missing collection).</summary>
    internal static IEnumerable<TItem>? Dated<TItem>(IEnumerable<TItem>? items, Func<TItem, bool> hasDate) => items?.Where(hasDate);

    internal static DateTime ToDateTime(DateOnly date) => date.ToDateTime(TimeOnly.MinValue);

    internal static DateTime? ToDateTime(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);
}
