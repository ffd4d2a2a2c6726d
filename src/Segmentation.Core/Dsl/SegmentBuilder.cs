using System.Linq.Expressions;
using Segmentation.Core.Model;

namespace Segmentation.Core.Dsl;

internal sealed class SegmentBuilder<TProfile>(BuilderState state, string id, string name) : ISegmentBuilder<TProfile>
{
    private readonly List<ConditionDefinition> conditions = [];
    private readonly List<string> tags = [];
    private string? description;
    private int priority;

    public ISegmentBuilder<TProfile> Describe(string description) => Set(() => this.description = description);

    public ISegmentBuilder<TProfile> Tagged(params string[] tags) => Set(() => this.tags.AddRange(tags));

    public ISegmentBuilder<TProfile> WithPriority(int priority) => Set(() => this.priority = priority);

    public ISegmentBuilder<TProfile> When(Condition<TProfile> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Set(() => conditions.Add(condition.Definition));
    }

    public ISegmentBuilder<TProfile> When(Expression<Func<TProfile, bool>> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Set(() => conditions.Add(new PredicateCondition(predicate)));
    }

    public ISegmentBuilder<TProfile> And(Condition<TProfile> condition) => When(condition);

    public ISegmentBuilder<TProfile> And(Expression<Func<TProfile, bool>> predicate) => When(predicate);

    public SegmentDefinition Build() => new(id, name, conditions.ToArray())
    {
        Description = description,
        Tags = tags.ToArray(),
        Priority = priority,
    };

    private SegmentBuilder<TProfile> Set(Action change)
    {
        state.EnsureOpen();
        change();
        return this;
    }
}
