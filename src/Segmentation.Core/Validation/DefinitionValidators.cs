using FluentValidation;
using Segmentation.Core.Model;

namespace Segmentation.Core.Validation;

internal sealed class SegmentValidator : AbstractValidator<SegmentDefinition>
{
    public SegmentValidator(ValidationScope scope)
    {
        RuleFor(s => s.Id).NotEmpty().OverridePropertyName("id").WithMessage(s => IdCharacters.EmptyProblem(s.Id));
        RuleFor(s => s.Id).Must(id => IdCharacters.Problem(id) is null).OverridePropertyName("id").WithMessage(s => IdCharacters.Problem(s.Id) ?? string.Empty);
        RuleFor(s => s.Name).NotEmpty().OverridePropertyName("name").WithMessage("the name must not be empty");
        RuleFor(s => s.Conditions).NotEmpty().OverridePropertyName("conditions").WithMessage("a segment needs at least one condition");
        RuleFor(s => s).Custom((segment, context) => ConditionTree.Check(context, segment.Conditions, scope));
    }
}

internal sealed class GroupValidator : AbstractValidator<GroupDefinition>
{
    public GroupValidator(ValidationScope scope)
    {
        RuleFor(g => g.Id).NotEmpty().OverridePropertyName("id").WithMessage(g => IdCharacters.EmptyProblem(g.Id));
        RuleFor(g => g.Id).Must(id => IdCharacters.Problem(id) is null).OverridePropertyName("id").WithMessage(g => IdCharacters.Problem(g.Id) ?? string.Empty);
        RuleFor(g => g.Name).NotEmpty().OverridePropertyName("name").WithMessage("the name must not be empty");
        RuleFor(g => g.Members).NotEmpty().OverridePropertyName("members").WithMessage("a group needs at least one member");
        RuleFor(g => g).Custom((group, context) =>
        {
            var members = group.Members;
            for (var i = 0; i < members.Count - 1; i++)
            {
                if (members[i].IsFallback)
                {
                    context.AddFailure($"members{scope.Names.Index(members, IdOf, members[i].Id, i)}", "the fallback member must be the last member");
                }
            }
        });
        RuleForEach(g => g.Members).OverrideIndexer((g, _, member, i) => scope.Names.Index(g.Members, IdOf, member.Id, i))
            .SetValidator(new MemberValidator(scope))
            .OverridePropertyName("members");
    }

    private static string IdOf(GroupMemberDefinition member) => member.Id;

    private sealed class MemberValidator : AbstractValidator<GroupMemberDefinition>
    {
        public MemberValidator(ValidationScope scope)
        {
            RuleFor(m => m.Id).NotEmpty().OverridePropertyName("id").WithMessage(m => IdCharacters.EmptyProblem(m.Id));
            RuleFor(m => m.Id).Must(id => IdCharacters.Problem(id) is null).OverridePropertyName("id").WithMessage(m => IdCharacters.Problem(m.Id) ?? string.Empty);
            RuleFor(m => m.Name).NotEmpty().OverridePropertyName("name").WithMessage("the name must not be empty");
            RuleFor(m => m.Conditions).NotEmpty().When(m => !m.IsFallback).OverridePropertyName("conditions").WithMessage("a member needs at least one condition (or use Otherwise for a fallback)");
            RuleFor(m => m).Custom((member, context) => ConditionTree.Check(context, member.Conditions, scope));
        }
    }
}

internal sealed class ScoreValidator : AbstractValidator<ScoreDefinition>
{
    public ScoreValidator(ValidationScope scope)
    {
        RuleFor(s => s.Id).NotEmpty().OverridePropertyName("id").WithMessage(s => IdCharacters.EmptyProblem(s.Id));
        RuleFor(s => s.Id).Must(id => IdCharacters.Problem(id) is null).OverridePropertyName("id").WithMessage(s => IdCharacters.Problem(s.Id) ?? string.Empty);
        RuleFor(s => s.Name).NotEmpty().OverridePropertyName("name").WithMessage("the name must not be empty");
        RuleFor(s => s.Terms).NotEmpty().OverridePropertyName("terms").WithMessage("a score needs at least one term");
        RuleFor(s => s).Custom((score, context) =>
        {
            var terms = new PathStep(null, "terms");
            for (var i = 0; i < score.Terms.Count; i++)
            {
                ConditionTree.Check(context, score.Terms[i].Condition, new PathStep(new PathStep(terms, null, i), ConditionTree.Separator + "condition"), -1, scope);
            }
        });
        RuleForEach(s => s.Tiers).ChildRules(tier => tier.RuleFor(t => t.Name).NotEmpty().OverridePropertyName("name").WithMessage("the tier name must not be empty"))
            .OverridePropertyName("tiers");
        RuleFor(s => s).Custom((score, context) =>
        {
            var tiers = score.Tiers;
            for (var i = 1; i < tiers.Count; i++)
            {
                if (tiers[i].Threshold <= tiers[i - 1].Threshold)
                {
                    context.AddFailure($"tiers[{i}]", $"tiers must be in ascending threshold order: '{tiers[i].Name}' ({Comparison.Format(tiers[i].Threshold)}) follows '{tiers[i - 1].Name}' ({Comparison.Format(tiers[i - 1].Threshold)})");
                }

                var first = IndexOfName(tiers, tiers[i].Name, i);
                if (!string.IsNullOrEmpty(tiers[i].Name) && first >= 0)
                {
                    context.AddFailure($"tiers[{i}]", $"duplicate tier name '{tiers[i].Name}' used by both tiers[{first}] and tiers[{i}]");
                }
            }

            // Any running total lies between the sum of the negative weights and the sum of the positive ones.
            if (!FitsDecimal(score.Terms.Where(t => t.Weight > 0).Select(t => t.Weight)) || !FitsDecimal(score.Terms.Where(t => t.Weight < 0).Select(t => t.Weight)))
            {
                context.AddFailure("terms", "the weights can add up beyond the range of decimal (±7.9e28): the score would overflow");
            }
        });
    }

    /// <summary>The first of the tiers before <paramref name="before"/> called <paramref name="name"/>, or -1.</summary>
    private static int IndexOfName(IReadOnlyList<TierDefinition> tiers, string name, int before)
    {
        for (var i = 0; i < before; i++)
        {
            if (string.Equals(tiers[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool FitsDecimal(IEnumerable<decimal> weights)
    {
        try
        {
            _ = weights.Aggregate(0m, (sum, w) => checked(sum + w));
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
