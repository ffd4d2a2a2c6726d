using FluentValidation;
using Segmentation.Core.Model;

namespace Segmentation.Core.Validation;

/// <summary>
/// Validates the condition trees of segments, group members and score terms: every condition's own rules
/// (<see cref="ConditionRules"/>), in the order of a depth-first walk (a condition, then its children in order), each
/// problem added to the owner's validation context with its path below the owner
/// (<c>conditions[0].conditions[1].threshold</c>). One walk per tree with one stack per validation, and a path is a
/// <see cref="PathStep"/> chain built only as far as a problem or a composite condition needs it: a catalog of thousands
/// of segments validates without a validation context, a path or a depth lookup per condition.
/// </summary>
/// <remarks>
/// <para>Below the owner the parts are joined with FluentValidation's <c>ValidatorOptions.Global.PropertyChainSeparator</c>
/// (a dot unless the application changes it), as FluentValidation joins the owner's own path.</para>
/// <para>A tree nested deeper than <see cref="CatalogLimits.MaxNestingDepth"/> is reported once, at its root, and not
/// walked: a child is always shallower than its parent, so checking each root is checking every condition.</para>
/// </remarks>
internal static class ConditionTree
{
    /// <summary>FluentValidation's separator of path parts, at this moment.</summary>
    public static string Separator => ValidatorOptions.Global.PropertyChainSeparator;

    /// <summary>Adds the problems of a list of conditions, at <c>conditions[i]</c>.</summary>
    public static void Check<T>(ValidationContext<T> context, IReadOnlyList<ConditionDefinition> conditions, ValidationScope scope)
    {
        var list = new PathStep(null, "conditions");
        for (var i = 0; i < conditions.Count; i++)
        {
            Check(context, conditions[i], list, i, scope);
        }
    }

    /// <summary>Adds the problems of one tree, whose root is entry <paramref name="index"/> of <paramref name="parent"/> (or <paramref name="parent"/> itself when -1).</summary>
    public static void Check<T>(ValidationContext<T> context, ConditionDefinition condition, PathStep parent, int index, ValidationScope scope)
    {
        var depth = scope.Depth.Of(condition);
        if (depth > CatalogLimits.MaxNestingDepth)
        {
            context.AddFailure(At(parent, index).Path(), $"conditions are nested {depth} deep; the limit is {CatalogLimits.MaxNestingDepth}");
            return;
        }

        var separator = Separator;
        var pending = scope.PendingConditions;
        pending.Clear();
        pending.Push(new Pending(condition, parent, index));
        while (pending.TryPop(out var next))
        {
            PathStep? at = null;
            foreach (var (property, message) in ConditionRules.Check(next.Condition, scope))
            {
                at ??= At(next.Parent, next.Index);
                context.AddFailure(property.Length == 0 ? at.Path() : new PathStep(at, separator + property).Path(), message);
            }

            if (next.Condition is NotCondition not)
            {
                pending.Push(new Pending(not.Condition, new PathStep(at ?? At(next.Parent, next.Index), separator + "condition"), -1));
            }
            else if (ConditionDepth.Children(next.Condition) is { Count: > 0 } children)
            {
                PushChildren(pending, children, new PathStep(at ?? At(next.Parent, next.Index), separator + "conditions"));
            }
        }
    }

    private static PathStep At(PathStep parent, int index) => index < 0 ? parent : new PathStep(parent, null, index);

    /// <summary>Queues the children of the list at <paramref name="list"/> in reverse, so that they come off the stack in order.</summary>
    private static void PushChildren(Stack<Pending> pending, IReadOnlyList<ConditionDefinition> children, PathStep list)
    {
        for (var i = children.Count - 1; i >= 0; i--)
        {
            pending.Push(new Pending(children[i], list, i));
        }
    }

    /// <summary>A condition still to check: entry <see cref="Index"/> of the list at <see cref="Parent"/>, or <see cref="Parent"/> itself when -1.</summary>
    internal readonly record struct Pending(ConditionDefinition Condition, PathStep Parent, int Index);
}
