namespace Segmentation.NRules.Translation;

/// <summary>Links a rule's output facts to its activation, as NRules' linked facts, keeping each fact's identity on reactivation.</summary>
internal static class LinkedFacts
{
    /// <summary>Inserts the facts linked to the firing activation, or (on reactivation) updates, inserts and retracts to match them.</summary>
    /// <param name="context">The NRules action context.</param>
    /// <param name="facts">The facts by key.</param>
    public static void Sync(global::NRules.RuleModel.IContext context, IReadOnlyList<KeyValuePair<string, object>> facts)
    {
        var existing = context.GetLinkedKeys().OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (key, fact) in facts)
        {
            if (existing.Remove(key) && context.GetLinked(key) is { } old)
            {
                Copy(old, fact);
                context.UpdateLinked(key, old);
            }
            else
            {
                context.InsertLinked(key, fact);
            }
        }

        foreach (var stale in existing)
        {
            if (context.GetLinked(stale) is { } old)
            {
                context.RetractLinked(stale, old);
            }
        }
    }

    /// <summary>Inserts or updates the one fact linked to the firing activation.</summary>
    /// <param name="context">The NRules action context.</param>
    /// <param name="fact">The fact.</param>
    public static void Put(global::NRules.RuleModel.IContext context, object fact) => Sync(context, [new KeyValuePair<string, object>("fact", fact)]);

    private static void Copy(object target, object source)
    {
        switch (target)
        {
            case Facts.ICopyable copyable:
                copyable.CopyFrom(source);
                break;
            default:
                throw new InvalidOperationException($"Linked fact {target.GetType().Name} cannot be updated.");
        }
    }
}
