using System.Linq.Expressions;
using Segmentation.Core.Model;

namespace Segmentation.Core.Dsl;

internal sealed class ScoreBuilder<TProfile>(BuilderState state, string id, string name) : IScoreBuilder<TProfile>
{
    private readonly List<ScoreTermDefinition> terms = [];
    private readonly List<TierDefinition> tiers = [];
    private string? description;

    public IScoreBuilder<TProfile> Describe(string description) => Set(() => this.description = description);

    public IScoreBuilder<TProfile> Add(decimal weight, Condition<TProfile> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Set(() => terms.Add(new ScoreTermDefinition(weight, condition.Definition)));
    }

    public IScoreBuilder<TProfile> Add(decimal weight, Expression<Func<TProfile, bool>> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Set(() => terms.Add(new ScoreTermDefinition(weight, new PredicateCondition(predicate))));
    }

    public IScoreBuilder<TProfile> Tiers(params (string Name, decimal Threshold)[] tiers)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        return Set(() => this.tiers.AddRange(tiers.Select(t => new TierDefinition(t.Name, t.Threshold))));
    }

    public ScoreDefinition Build() => new(id, name, terms.ToArray(), tiers.ToArray()) { Description = description };

    private ScoreBuilder<TProfile> Set(Action change)
    {
        state.EnsureOpen();
        change();
        return this;
    }
}
