using FluentValidation;
using Segmentation.Core.Model;

namespace Segmentation.Core.Validation;

internal sealed class ConditionValidator : AbstractValidator<ConditionDefinition>
{
    public ConditionValidator(ValidationScope scope)
    {
        RuleFor(c => c).Custom((condition, context) =>
        {
            foreach (var (property, message) in ConditionRules.Check(condition, scope))
            {
                context.AddFailure(property, message);
            }
        });
        RuleForEach(c => Children(c)).SetValidator(this).OverridePropertyName("conditions");
        RuleFor(c => ((NotCondition)c).Condition).SetValidator(this).OverridePropertyName("condition").When(c => c is NotCondition);
    }

    private static IEnumerable<ConditionDefinition> Children(ConditionDefinition condition) => condition switch
    {
        AllCondition all => all.Conditions,
        AnyCondition any => any.Conditions,
        _ => [],
    };
}
