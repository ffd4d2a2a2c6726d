using Segmentation.Core.Model;

namespace Segmentation.Core.Validation;

/// <summary>
/// Finds the nulls a hand-built model holds where the model's types promise a value (a null segment, condition list,
/// condition, term or tier), so that validation lists them, each with its path, instead of failing on the first. The
/// walk over conditions uses its own stack: nesting of any depth is safe.
/// </summary>
internal static class ModelNulls
{
    /// <summary>Every null the catalog's definitions hold where a value is required, with its path.</summary>
    public static IReadOnlyList<CatalogError> Find<TProfile>(CatalogDefinition<TProfile> catalog) =>
        HasAny(catalog) ? WithPaths(catalog) : [];

    /// <summary>Whether the catalog holds any such null: the common answer, no, found without building a single path.</summary>
    private static bool HasAny<TProfile>(CatalogDefinition<TProfile> catalog)
    {
        // A null list is walked as a list holding one null, which is found like any other.
        var pending = new Stack<ConditionDefinition?>();
        foreach (var segment in catalog.Segments ?? [null!])
        {
            if (segment?.Conditions is not { } conditions || Push(conditions))
            {
                return true;
            }
        }

        foreach (var group in catalog.Groups ?? [null!])
        {
            foreach (var member in group?.Members ?? [null!])
            {
                if (member?.Conditions is not { } conditions || Push(conditions))
                {
                    return true;
                }
            }
        }

        foreach (var score in catalog.Scores ?? [null!])
        {
            if (score?.Terms is not { } terms || score.Tiers is not { } tiers || tiers.Contains(null!))
            {
                return true;
            }

            foreach (var term in terms)
            {
                if (term is null)
                {
                    return true;
                }

                pending.Push(term.Condition);
            }
        }

        while (pending.TryPop(out var condition))
        {
            switch (condition)
            {
                case null:
                    return true;
                case AllCondition all:
                    if (Push(all.Conditions))
                    {
                        return true;
                    }

                    break;
                case AnyCondition any:
                    if (Push(any.Conditions))
                    {
                        return true;
                    }

                    break;
                case NotCondition not:
                    pending.Push(not.Condition);
                    break;
            }
        }

        return false;

        // Queues the conditions; true when the list is null (a null condition in it is found when popped).
        bool Push(IReadOnlyList<ConditionDefinition>? conditions)
        {
            if (conditions is null)
            {
                return true;
            }

            foreach (var condition in conditions)
            {
                pending.Push(condition);
            }

            return false;
        }
    }

    private static IReadOnlyList<CatalogError> WithPaths<TProfile>(CatalogDefinition<TProfile> catalog)
    {
        var found = new List<CatalogError>();
        void Missing(string path, string what) => found.Add(new CatalogError(path, $"{what} is null"));

        Each(catalog.Segments, "segments", "segment", s => s.Id, (segment, path) => Conditions(segment.Conditions, path));
        Each(catalog.Groups, "groups", "group", g => g.Id, (group, path) =>
            Each(group.Members, $"{path}.members", "member", m => m.Id, (member, memberPath) => Conditions(member.Conditions, memberPath)));
        Each(catalog.Scores, "scores", "score", s => s.Id, (score, path) =>
        {
            Each(score.Terms, $"{path}.terms", "term", null, (term, termPath) => Condition(term.Condition, $"{termPath}.condition"));
            Each(score.Tiers, $"{path}.tiers", "tier", null, (_, _) => { });
        });
        return found;

        // Entries are named as the validator names them: by id where they have one, else by position.
        void Each<T>(IReadOnlyList<T>? items, string path, string entry, Func<T, string?>? idOf, Action<T, string> visit)
            where T : class
        {
            if (items is null)
            {
                Missing(path, $"the {entry} list");
                return;
            }

            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is { } item)
                {
                    visit(item, path + (idOf is null ? $"[{i}]" : IdCharacters.Index(idOf(item), i)));
                }
                else
                {
                    Missing($"{path}[{i}]", $"the {entry}");
                }
            }
        }

        void Conditions(IReadOnlyList<ConditionDefinition>? conditions, string path) =>
            Each(conditions, $"{path}.conditions", "condition", null, Condition);

        void Condition(ConditionDefinition? root, string rootPath)
        {
            // Paths are built only for a null found: a path per level of a 100,000-deep nesting would be quadratic.
            var pending = new Stack<(ConditionDefinition? Condition, Step Step)>();
            pending.Push((root, new Step(null, rootPath)));
            while (pending.TryPop(out var next))
            {
                switch (next.Condition)
                {
                    case null:
                        Missing(next.Step.Path(), "the condition");
                        break;
                    case AllCondition all:
                        PushAll(all.Conditions, next.Step);
                        break;
                    case AnyCondition any:
                        PushAll(any.Conditions, next.Step);
                        break;
                    case NotCondition not:
                        pending.Push((not.Condition, new Step(next.Step, ".condition")));
                        break;
                }
            }

            void PushAll(IReadOnlyList<ConditionDefinition> children, Step parent)
            {
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    pending.Push((children[i], new Step(parent, $".conditions[{i}]")));
                }
            }
        }
    }

    /// <summary>One step of a condition's path: the path is the steps from the root (a class: a record's members would recurse the chain).</summary>
    private sealed class Step(Step? parent, string part)
    {
        private Step? Parent { get; } = parent;

        private string Part { get; } = part;

        public string Path()
        {
            var parts = new List<string>();
            for (var step = this; step is not null; step = step.Parent)
            {
                parts.Add(step.Part);
            }

            parts.Reverse();
            return string.Concat(parts);
        }
    }
}
