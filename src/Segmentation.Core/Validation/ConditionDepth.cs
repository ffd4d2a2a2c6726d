using Segmentation.Core.Model;

namespace Segmentation.Core.Validation;

/// <summary>
/// How deeply conditions are nested (a leaf is 1; "all of", "any of" and "not" add one to their deepest child), computed
/// without recursion and remembered per condition instance, so validation can refuse a deep tree before anything walks it
/// recursively.
/// </summary>
internal sealed class ConditionDepth
{
    private readonly Dictionary<ConditionDefinition, int> known = new(ReferenceEqualityComparer.Instance);

    public int Of(ConditionDefinition condition)
    {
        if (known.TryGetValue(condition, out var depth))
        {
            return depth;
        }

        var stack = new Stack<(ConditionDefinition Node, bool Expanded)>();
        stack.Push((condition, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (known.ContainsKey(node))
            {
                continue;
            }

            var children = Children(node);
            if (expanded || children.Count == 0)
            {
                var deepest = 0;
                foreach (var child in children)
                {
                    deepest = Math.Max(deepest, known.GetValueOrDefault(child));
                }

                known[node] = deepest + 1;
                continue;
            }

            stack.Push((node, true));
            foreach (var child in children)
            {
                stack.Push((child, false));
            }
        }

        return known[condition];
    }

    public static IReadOnlyList<ConditionDefinition> Children(ConditionDefinition condition) => condition switch
    {
        AllCondition all => all.Conditions,
        AnyCondition any => any.Conditions,
        NotCondition not => [not.Condition],
        _ => [],
    };
}
