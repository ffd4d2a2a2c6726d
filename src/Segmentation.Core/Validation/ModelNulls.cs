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
    /// <param name="catalog">The catalog.</param>
    /// <param name="names">How entries are named, shared with the rest of the validation so each list is looked at once.</param>
    public static IReadOnlyList<CatalogError> Find<TProfile>(CatalogDefinition<TProfile> catalog, EntryNames names)
    {
        var found = new List<CatalogError>();
        var pending = new Stack<(ConditionDefinition? Condition, PathStep At)>();

        Each(catalog.Segments, new PathStep(null, "segments"), "segment", s => s.Id, (segment, at) => Conditions(segment.Conditions, at));
        Each(catalog.Groups, new PathStep(null, "groups"), "group", g => g.Id, (group, at) =>
            Each(group.Members, new PathStep(at, ".members"), "member", m => m.Id, (member, memberAt) => Conditions(member.Conditions, memberAt)));
        Each(catalog.Scores, new PathStep(null, "scores"), "score", s => s.Id, (score, at) =>
        {
            Each(score.Terms, new PathStep(at, ".terms"), "term", null, (term, termAt) => Conditions([term.Condition], termAt, ".condition"));
            Each(score.Tiers, new PathStep(at, ".tiers"), "tier", null, (_, _) => { });
        });
        return found;

        void Missing(PathStep at, string what) => found.Add(new CatalogError(at.Path(), $"{what} is null"));

        // Entries are named as the validator names them: by id where they have one of their own, else by position.
        void Each<T>(IReadOnlyList<T>? items, PathStep list, string entry, Func<T, string?>? idOf, Action<T, PathStep> visit)
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
                    var id = idOf?.Invoke(item);
                    visit(item, new PathStep(list, null, i, idOf is not null && names.IsName(items, idOf, id) ? id : null));
                }
                else
                {
                    Missing(new PathStep(list, null, i), $"the {entry}");
                }
            }
        }

        // The conditions under an owner (a list, or a term's one condition, named by a property and no index).
        void Conditions(IReadOnlyList<ConditionDefinition>? conditions, PathStep owner, string property = ".conditions")
        {
            if (conditions is null)
            {
                Missing(new PathStep(owner, property), "the condition list");
                return;
            }

            Push(conditions, new PathStep(owner, property), indexed: property == ".conditions");
            while (pending.TryPop(out var next))
            {
                switch (next.Condition)
                {
                    case null:
                        Missing(next.At, "the condition");
                        break;
                    case AllCondition all:
                        Push(all.Conditions, new PathStep(next.At, ".conditions"), indexed: true);
                        break;
                    case AnyCondition any:
                        Push(any.Conditions, new PathStep(next.At, ".conditions"), indexed: true);
                        break;
                    case NotCondition not:
                        Push([not.Condition], new PathStep(next.At, ".condition"), indexed: false);
                        break;
                }
            }
        }

        // Queued in reverse, so that they come off the stack in order.
        void Push(IReadOnlyList<ConditionDefinition?> conditions, PathStep list, bool indexed)
        {
            for (var i = conditions.Count - 1; i >= 0; i--)
            {
                pending.Push((conditions[i], indexed ? new PathStep(list, null, i) : list));
            }
        }
    }
}
