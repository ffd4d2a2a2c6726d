using System.Linq.Expressions;

namespace Segmentation.Core.Dsl;

/// <summary>Builds one segment; every <c>When</c> / <c>And</c> adds a condition that must hold.</summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public interface ISegmentBuilder<TProfile>
{
    /// <summary>Sets the description.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    ISegmentBuilder<TProfile> Describe(string description);

    /// <summary>Adds tags.</summary>
    /// <param name="tags">The tags.</param>
    /// <returns>This builder.</returns>
    ISegmentBuilder<TProfile> Tagged(params string[] tags);

    /// <summary>Sets the priority (higher first). The default value is 0.</summary>
    /// <param name="priority">The priority.</param>
    /// <returns>This builder.</returns>
    ISegmentBuilder<TProfile> WithPriority(int priority);

    /// <summary>Adds a condition.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>This builder.</returns>
    ISegmentBuilder<TProfile> When(Condition<TProfile> condition);

    /// <summary>Adds a plain C# predicate.</summary>
    /// <param name="predicate">The predicate.</param>
    /// <returns>This builder.</returns>
    ISegmentBuilder<TProfile> When(Expression<Func<TProfile, bool>> predicate);

    /// <summary>Adds a condition (same as <see cref="When(Condition{TProfile})"/>, reads better after the first).</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>This builder.</returns>
    ISegmentBuilder<TProfile> And(Condition<TProfile> condition);

    /// <summary>Adds a plain C# predicate.</summary>
    /// <param name="predicate">The predicate.</param>
    /// <returns>This builder.</returns>
    ISegmentBuilder<TProfile> And(Expression<Func<TProfile, bool>> predicate);
}

/// <summary>Builds an exclusive group: ordered members, first match wins.</summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public interface IGroupBuilder<TProfile>
{
    /// <summary>Sets the description.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    IGroupBuilder<TProfile> Describe(string description);

    /// <summary>Adds a member whose conditions must all hold.</summary>
    /// <param name="id">The member's id (a segment id).</param>
    /// <param name="conditions">The conditions.</param>
    /// <returns>This builder.</returns>
    IGroupBuilder<TProfile> Member(string id, params Condition<TProfile>[] conditions);

    /// <summary>Adds a member with a display name.</summary>
    /// <param name="id">The member's id (a segment id).</param>
    /// <param name="name">The display name.</param>
    /// <param name="conditions">The conditions.</param>
    /// <returns>This builder.</returns>
    IGroupBuilder<TProfile> Member(string id, string name, params Condition<TProfile>[] conditions);

    /// <summary>Adds the fallback member: every profile no earlier member took. Must be last.</summary>
    /// <param name="id">The member's id.</param>
    /// <param name="name">The display name; the default is the id.</param>
    /// <returns>This builder.</returns>
    IGroupBuilder<TProfile> Otherwise(string id, string? name = null);
}

/// <summary>Builds a score: weighted conditions summed, banded into tiers.</summary>
/// <typeparam name="TProfile">The profile type.</typeparam>
public interface IScoreBuilder<TProfile>
{
    /// <summary>Sets the description.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    IScoreBuilder<TProfile> Describe(string description);

    /// <summary>Adds <paramref name="weight"/> points when the condition holds.</summary>
    /// <param name="weight">The points (may be negative).</param>
    /// <param name="condition">The condition.</param>
    /// <returns>This builder.</returns>
    IScoreBuilder<TProfile> Add(decimal weight, Condition<TProfile> condition);

    /// <summary>Adds <paramref name="weight"/> points when the predicate holds.</summary>
    /// <param name="weight">The points (may be negative).</param>
    /// <param name="predicate">The predicate.</param>
    /// <returns>This builder.</returns>
    IScoreBuilder<TProfile> Add(decimal weight, Expression<Func<TProfile, bool>> predicate);

    /// <summary>Sets the tiers, in ascending threshold order.</summary>
    /// <param name="tiers">The tiers as (name, lowest score).</param>
    /// <returns>This builder.</returns>
    IScoreBuilder<TProfile> Tiers(params (string Name, decimal Threshold)[] tiers);
}
