using System.Linq.Expressions;
using System.Text;
using NRules.RuleModel;

namespace Segmentation.NRules.Translation;

/// <summary>Prints NRules rule definitions: name, priority, left-hand side elements and actions, one per line.</summary>
internal static class RuleDefinitionPrinter
{
    public static string Print(IEnumerable<IRuleDefinition> rules)
    {
        var text = new StringBuilder();
        foreach (var rule in rules)
        {
            text.Append("rule \"").Append(rule.Name).Append("\" priority ").Append(rule.Priority).AppendLine();
            if (!string.IsNullOrEmpty(rule.Description))
            {
                text.Append("  // ").AppendLine(rule.Description);
            }

            text.AppendLine("  when");
            foreach (var element in rule.LeftHandSide.ChildElements)
            {
                Element(text, element, 2);
            }

            text.AppendLine("  then");
            foreach (var action in rule.RightHandSide.Actions)
            {
                text.Append("    ").Append(Lambda(action.Expression)).Append(" on ").Append(action.ActionTrigger).AppendLine();
            }
        }

        return text.ToString().TrimEnd();
    }

    private static void Element(StringBuilder text, RuleElement element, int depth)
    {
        var indent = new string(' ', depth * 2);
        switch (element)
        {
            case PatternElement pattern:
                text.Append(indent).Append(pattern.Declaration.Name).Append(": ").Append(TypeName(pattern.ValueType));
                foreach (var condition in pattern.Expressions)
                {
                    text.Append(" where ").Append(Lambda(condition.Expression));
                }

                text.AppendLine();
                if (pattern.Source is { } source)
                {
                    Element(text, source, depth + 1);
                }

                break;
            case NotElement not:
                text.Append(indent).AppendLine("not");
                Element(text, not.Source, depth + 1);
                break;
            case ExistsElement exists:
                text.Append(indent).AppendLine("exists");
                Element(text, exists.Source, depth + 1);
                break;
            case AggregateElement aggregate:
                text.Append(indent).Append("from ").Append(aggregate.Name).AppendLine(" of");
                Element(text, aggregate.Source, depth + 1);
                break;
            case BindingElement binding:
                text.Append(indent).Append("from ").AppendLine(Lambda(binding.Expression));
                break;
            case GroupElement group:
                text.Append(indent).AppendLine(group.ElementType.ToString());
                foreach (var child in group.ChildElements)
                {
                    Element(text, child, depth + 1);
                }

                break;
            default:
                text.Append(indent).AppendLine(element.ElementType.ToString());
                break;
        }
    }

    private static string Lambda(LambdaExpression expression) =>
        $"({string.Join(", ", expression.Parameters.Select(p => p.Name))}) => {expression.Body}".Replace("value(", "(", StringComparison.Ordinal);

    private static string TypeName(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>" : type.Name;
}
