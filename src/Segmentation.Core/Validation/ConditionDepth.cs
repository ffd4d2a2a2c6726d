using Segmentation.Core.Model;

namespace Segmentation.Core.Validation;

/// <summary>
/// How deeply conditions are nested (a leaf is 1; "all of", "any of" and "not" add one to their deepest child), computed
/// without recursion and remembered per composite condition instance (a tree shared by many segments is walked once),
/// so validation can refuse a deep tree before anything walks it recursively. Leaves are 1 and not remembered.
/// </summary>
/// <remarks>Not thread-safe: one instance per validation.</remarks>
internal sealed class ConditionDepth
{
    private readonly Dictionary<ConditionDefinition, int> known = new(ReferenceEqualityComparer.Instance);
    private readonly Stack<(ConditionDefinition Node, bool Expanded)> stack = new();

    public int Of(ConditionDefinition condition)
    {
        if (IsLeaf(condition))
        {
            return 1;
        }

        if (known.TryGetValue(condition, out var depth))
        {
            return depth;
        }

        stack.Push((condition, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (known.ContainsKey(node))
            {
                continue;
            }

            var children = Children(node);
            if (expanded)
            {
                var deepest = 0;
                foreach (var child in children)
                {
                    deepest = Math.Max(deepest, IsLeaf(child) ? 1 : known[child]);
                }

                known[node] = deepest + 1;
                continue;
            }

            stack.Push((node, true));
            foreach (var child in children)
            {
                if (!IsLeaf(child))
                {
                    stack.Push((child, false));
                }
            }
        }

        return known[condition];
    }

    private static bool IsLeaf(ConditionDefinition condition) => condition is not (AllCondition or AnyCondition or NotCondition);

    public static IReadOnlyList<ConditionDefinition> Children(ConditionDefinition condition) => condition switch
    {
        AllCondition all => all.Conditions,
        AnyCondition any => any.Conditions,
        NotCondition not => [not.Condition],
        _ => [],
    };
}
