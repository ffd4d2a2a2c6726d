using FluentValidation;
using Segmentation.Core.Model;

namespace Segmentation.Core.Validation;

internal sealed class ConditionValidator : AbstractValidator<ConditionDefinition>
{
    public ConditionValidator(ValidationScope scope)
    {
        RuleFor(c => c).Custom((condition, context) =>
        {
            var depth = scope.Depth.Of(condition);
            if (depth > CatalogLimits.MaxNestingDepth)
            {
                context.AddFailure(string.Empty, $"conditions are nested {depth} deep; the limit is {CatalogLimits.MaxNestingDepth}");
                return;
            }

            foreach (var (property, message) in ConditionRules.Check(condition, scope))
            {
                context.AddFailure(property, message);
            }
        });

        // A tree deeper than the limit is reported once, at its root, and not descended into: validating it recursively
        // could exhaust the stack.
        RuleForEach(c => Children(c)).SetValidator(this).OverridePropertyName("conditions")
            .When(c => scope.Depth.Of(c) <= CatalogLimits.MaxNestingDepth);
        RuleFor(c => ((NotCondition)c).Condition).SetValidator(this).OverridePropertyName("condition")
            .When(c => c is NotCondition && scope.Depth.Of(c) <= CatalogLimits.MaxNestingDepth);
    }

    private static IEnumerable<ConditionDefinition> Children(ConditionDefinition condition) => condition switch
    {
        AllCondition all => all.Conditions,
        AnyCondition any => any.Conditions,
        _ => [],
    };
}
