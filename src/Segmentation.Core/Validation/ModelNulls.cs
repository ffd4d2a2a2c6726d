using Segmentation.Core.Model;

namespace Segmentation.Core.Validation;

/// <summary>
/// Finds the nulls a hand-built model holds where the model's types promise a value (a null segment, condition list,
/// condition, term or tier), so that validation lists them, each with its path, instead of failing on the first. One
/// walk, with its own stack for conditions (nesting of any depth is safe); a path is only a chain of small steps until
/// a null is found, so a catalog without one builds no path text (and a 100,000-deep nesting none per level).
/// </summary>
internal static class ModelNulls
{
    /// <summary>Every null the catalog's definitions hold where a value is required, with its path.</summary>
    public static IReadOnlyList<CatalogError> Find<TProfile>(CatalogDefinition<TProfile> catalog)
    {
        var found = new List<CatalogError>();
        var pending = new Stack<(ConditionDefinition? Condition, Step At)>();

        Each(catalog.Segments, new Step(null, "segments"), "segment", s => s.Id, (segment, at) => Conditions(segment.Conditions, at));
        Each(catalog.Groups, new Step(null, "groups"), "group", g => g.Id, (group, at) =>
            Each(group.Members, new Step(at, ".members"), "member", m => m.Id, (member, memberAt) => Conditions(member.Conditions, memberAt)));
        Each(catalog.Scores, new Step(null, "scores"), "score", s => s.Id, (score, at) =>
        {
            Each(score.Terms, new Step(at, ".terms"), "term", null, (term, termAt) => Conditions([term.Condition], termAt, ".condition"));
            Each(score.Tiers, new Step(at, ".tiers"), "tier", null, (_, _) => { });
        });
        return found;

        void Missing(Step at, string what) => found.Add(new CatalogError(at.Path(), $"{what} is null"));

        // Entries are named as the validator names them: by id where they have one, else by position.
        void Each<T>(IReadOnlyList<T>? items, Step list, string entry, Func<T, string?>? idOf, Action<T, Step> visit)
            where T : class
        {
            if (items is null)
            {
                Missing(list, $"the {entry} list");
                return;
            }

            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is { } item)
                {
                    visit(item, new Step(list, null, i, idOf?.Invoke(item)));
                }
                else
                {
                    Missing(new Step(list, null, i), $"the {entry}");
                }
            }
        }

        // The conditions under an owner (a list, or a term's one condition, named by a property and no index).
        void Conditions(IReadOnlyList<ConditionDefinition>? conditions, Step owner, string property = ".conditions")
        {
            if (conditions is null)
            {
                Missing(new Step(owner, property), "the condition list");
                return;
            }

            Push(conditions, new Step(owner, property), indexed: property == ".conditions");
            while (pending.TryPop(out var next))
            {
                switch (next.Condition)
                {
                    case null:
                        Missing(next.At, "the condition");
                        break;
                    case AllCondition all:
                        Push(all.Conditions, new Step(next.At, ".conditions"), indexed: true);
                        break;
                    case AnyCondition any:
                        Push(any.Conditions, new Step(next.At, ".conditions"), indexed: true);
                        break;
                    case NotCondition not:
                        Push([not.Condition], new Step(next.At, ".condition"), indexed: false);
                        break;
                }
            }
        }

        // Queued in reverse, so that they come off the stack in order.
        void Push(IReadOnlyList<ConditionDefinition?> conditions, Step list, bool indexed)
        {
            for (var i = conditions.Count - 1; i >= 0; i--)
            {
                pending.Push((conditions[i], indexed ? new Step(list, null, i) : list));
            }
        }
    }

    /// <summary>
    /// One step of a path: a property (<c>.conditions</c>), or an entry of a list, by id (when it has a printable one) or by position. A class, not a
    /// record: a record's generated members would recurse the chain.
    /// </summary>
    private sealed class Step(Step? parent, string? property, int index = -1, string? id = null)
    {
        private readonly Step? parent = parent;
        private readonly string? property = property;
        private readonly int index = index;
        private readonly string? id = id;

        public string Path()
        {
            var parts = new List<string>();
            for (var step = this; step is not null; step = step.parent)
            {
                parts.Add(step.property ?? IdCharacters.Index(step.id, step.index));
            }

            parts.Reverse();
            return string.Concat(parts);
        }
    }
}
