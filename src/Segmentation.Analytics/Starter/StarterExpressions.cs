using System.Linq.Expressions;

namespace Segmentation.Analytics.Starter;

/// <summary>Builds the item filters and profile predicates of the starter catalog as readable expression trees.</summary>
internal static class StarterExpressions
{
    public static Expression<Func<TItem, bool>> IsType<TItem>(Expression<Func<TItem, string?>> type, string name) =>
        Expression.Lambda<Func<TItem, bool>>(Expression.Equal(type.Body, Expression.Constant(name, typeof(string))), type.Parameters);

    public static Expression<Func<TProfile, bool>> Includes<TProfile>(Expression<Func<TProfile, IEnumerable<string>?>> values, string value) =>
        Expression.Lambda<Func<TProfile, bool>>(
            Expression.Call(typeof(StarterExpressions).GetMethod(nameof(Includes), [typeof(IEnumerable<string>), typeof(string)])!, values.Body, Expression.Constant(value)),
            values.Parameters);

    public static bool Includes(IEnumerable<string>? values, string value) =>
        values is not null && values.Contains(value, StringComparer.OrdinalIgnoreCase);
}
