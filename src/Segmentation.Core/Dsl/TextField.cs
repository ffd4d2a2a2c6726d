using System.Linq.Expressions;
using Segmentation.Core.Model;

namespace Segmentation.Core.Dsl;

/// <summary>A text field of the profile, for set-membership conditions that the engine can index.</summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public sealed class TextField<TProfile>
{
    private readonly Expression<Func<TProfile, string?>> selector;

    internal TextField(Expression<Func<TProfile, string?>> selector) => this.selector = selector;

    /// <summary>The field equals one of <paramref name="values"/> (ordinal).</summary>
    /// <param name="values">The accepted values.</param>
    /// <returns>The condition.</returns>
    public Condition<TProfile> In(params string[] values) => new(new TextSetCondition(selector, values));

    /// <summary>The field equals one of <paramref name="values"/>.</summary>
    /// <param name="values">The accepted values.</param>
    /// <param name="ignoreCase">Whether to ignore case (ordinal).</param>
    /// <returns>The condition.</returns>
    public Condition<TProfile> In(IEnumerable<string> values, bool ignoreCase = false) => new(new TextSetCondition(selector, values, ignoreCase));

    /// <summary>The field equals <paramref name="value"/> (ordinal).</summary>
    /// <param name="value">The accepted value.</param>
    /// <returns>The condition.</returns>
    public Condition<TProfile> Is(string value) => new(new TextSetCondition(selector, [value]));
}
